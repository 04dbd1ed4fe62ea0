// ECharts, tree-shaken to what the pages draw, with the app's fonts.
import { use } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

export const CHART_FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

export const CHART_COLORS = {
  completed: '#2f6fde',
  expected: '#c8161d',
  added: '#b9cdf3',
  axis: '#9aa3af',
  grid: '#eef0f3',
}
