import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The desk is served by the platform under /desk/ with a strict Content-Security-Policy
// (script-src 'self'): everything is bundled, templates are precompiled by the SFC compiler,
// and only the runtime builds of Vue and vue-i18n end up in the page.
/**
 * The modules the page loads before any screen: those the entry imports, directly or not, without
 * a dynamic import() on the way. Read once from the finished module graph.
 *
 * Rollup places a module by its imports, not by the names used: a first-screen module importing an
 * index (lodash-es/lodash.js) brings every module of that index into the element-plus chunk, so the
 * lodash functions a later screen's component uses (the cascader's isEqual) still land there.
 */
let firstScreen = null
function inFirstScreen(id, getModuleInfo, getModuleIds) {
  if (!firstScreen) {
    firstScreen = new Set()
    const todo = [...getModuleIds()].filter((m) => getModuleInfo(m)?.isEntry)
    while (todo.length) {
      const m = todo.pop()
      if (firstScreen.has(m)) continue
      firstScreen.add(m)
      todo.push(...(getModuleInfo(m)?.importedIds || []))
    }
  }
  return firstScreen.has(id)
}

export default defineConfig({
  base: '/desk/',
  plugins: [vue()],
  define: {
    // vue-i18n: Composition API only, no legacy API, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: '../../../target/classes/desk',
    emptyOutDir: true,
    // Element Plus alone is above the default 500 kB before gzip; ECharts is only loaded by the dashboard.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks(id, { getModuleInfo, getModuleIds }) {
          if (!id.includes('node_modules')) return undefined
          if (id.includes('/echarts/') || id.includes('/zrender/')) return 'echarts'
          if (id.includes('/element-plus/') || id.includes('/@element-plus/') || id.includes('/@floating-ui/')
            || id.includes('/@popperjs/') || id.includes('/lodash') || id.includes('/dayjs/')
            || id.includes('/@vueuse/') || id.includes('/async-validator/')) {
            // What only a later screen uses (the cascader of the place picker) goes with that
            // screen's chunk, so that the sign-in screen does not load it.
            return inFirstScreen(id, getModuleInfo, getModuleIds) ? 'element-plus' : undefined
          }
          if (id.includes('/@vue/') || id.includes('/vue/') || id.includes('/vue-router/')
            || id.includes('/vue-i18n/') || id.includes('/@intlify/')) return 'vue'
          return undefined
        },
      },
    },
  },
  server: {
    // For `npx vite` during development: the API of a local Karaf.
    proxy: { '/api': 'http://localhost:8181' },
  },
})
