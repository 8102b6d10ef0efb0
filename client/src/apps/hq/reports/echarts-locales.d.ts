// ECharts ships its locale objects as UMD files without types (echarts/i18n/*-obj.js).
declare module 'echarts/i18n/langZH-obj.js' {
  const locale: object;
  export default locale;
}
declare module 'echarts/i18n/langEN-obj.js' {
  const locale: object;
  export default locale;
}
