import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { installErrorLog } from './errorLog'
import { i18n } from './i18n'
import { router } from './router'
import './styles.css'

const app = createApp(App)
installErrorLog(app)
app.use(i18n).use(router).use(ElementPlus)
app.mount('#app')
