import { createApp } from 'vue'
import { components, ElLoading } from './element.js'
import App from './App.vue'
import { router } from './router.js'
import { i18n } from './i18n/index.js'
import './styles.css'

const app = createApp(App)
for (const component of components) app.component(component.name, component)
app.use(ElLoading) // the v-loading directive
app.use(i18n)
app.use(router)
app.mount('#app')

// When the first screen is on the page and usable: a mark the speed figures are read from
// (docs/performance.md), and that the browser's own tools show.
router.isReady().then(() => requestAnimationFrame(() => performance.mark('desk-usable')))
