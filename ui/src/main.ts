import { createApp } from 'vue'
import './basics.css'
import 'element-plus/theme-chalk/base.css'
import App from './App.vue'
import { installVueErrorLog } from './errorLog'
import { i18n } from './i18n'
import { router } from './router'
import './styles.css'

performance.mark('boot-script')
const app = createApp(App)
installVueErrorLog(app)
// Element Plus is not installed whole: each component arrives with the chunk that uses
// it (see vite.config.ts), so the window's first paint does not wait for all of it.
app.use(i18n).use(router)
app.mount('#app')
