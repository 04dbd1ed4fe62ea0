/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import ElementPlus from 'unplugin-element-plus/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Tauri serves ui/dist from its own origin; everything is bundled, nothing from a CDN.
// Element Plus is loaded on demand: a page's chunk carries the components (and their
// CSS) it uses, so the first paint parses only what the shell and the overview need.
// `Components` resolves <el-*> tags and v-loading in templates; `ElementPlus` adds the
// style of what a script imports by name (ElMessage, ElMessageBox).
// Under Vitest, Node would load the style files itself and cannot: tests take no CSS.
const styles = !process.env.VITEST

export default defineConfig({
  plugins: [
    vue(),
    Components({
      resolvers: [ElementPlusResolver({ importStyle: styles ? 'css' : false, directives: true })],
      dts: false,
    }),
    ...(styles ? [ElementPlus({ useSource: false })] : []),
  ],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    target: 'safari15',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // Charts only where a page draws one. Vue gets its own chunk: otherwise Rollup
        // puts it (a dependency of vue-echarts) in the charts chunk, and every start
        // would load ECharts.
        manualChunks(id) {
          if (/node_modules\/(echarts|zrender|vue-echarts|tslib)\//.test(id)) return 'echarts'
          if (/node_modules\/(@vue|vue)\//.test(id)) return 'vue'
          return undefined
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // A style imported by name (components/cellParts.ts) goes through Vite, which drops CSS in
    // tests, instead of Node, which cannot load a .css file.
    server: { deps: { inline: [/element-plus\/es\/components\/[^/]+\/style\//] } },
  },
})
