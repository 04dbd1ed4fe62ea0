// The window's first script. It draws the opening (opening/): the overview's figures, which
// the shell worked out while the window started, as plain HTML, before the app's code (Vue,
// Element Plus, about 0.5 MB to evaluate) has loaded. Then it loads the app, whose page
// replaces the opening once painted. Without figures to show (another page, a sign-in first)
// the app loads at once.
import './basics.css'
import './opening/opening.css'
import { showOpening } from './opening/show'
import { installWindowErrorLog } from './errorLog'

installWindowErrorLog()

void showOpening().finally(() => import('./main'))
