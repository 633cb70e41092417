<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <source>Dashboard</source>
        <translation>一屏知全域</translation>
    </message>
    <message>
        <source>Export dashboard &amp;report (PDF)…</source>
        <translation>导出覆盖情况报告（PDF）(&amp;R)…</translation>
    </message>
    <message>
        <source>Visited within cycle, by grid (%)</source>
        <translation>各网格周期内走访率（%）</translation>
    </message>
    <message>
        <source>Members furthest behind: households covered and visited</source>
        <translation>走访滞后的党员：联系户数与周期内已走访户数</translation>
    </message>
    <message>
        <source>Households covered</source>
        <translation>联系户数</translation>
    </message>
    <message>
        <source>Visited within cycle</source>
        <translation>周期内已走访</translation>
    </message>
    <message>
        <source>Click a member's bars to open the member</source>
        <translation>点击党员的柱条，打开该党员</translation>
    </message>
    <message>
        <source>Visits over time</source>
        <translation>走访趋势</translation>
    </message>
    <message>
        <source>Visits per week, by method, and households reached</source>
        <translation>每周走访次数（按方式）及走访到的户数</translation>
    </message>
    <message>
        <source>Visits per day, by method, and households reached</source>
        <translation>每日走访次数（按方式）及走访到的户数</translation>
    </message>
    <message>
        <source>Households reached</source>
        <translation>走访到的户数</translation>
    </message>
    <message>
        <source>Requests received, by category and status</source>
        <translation>收到的诉求（按类别和状态）</translation>
    </message>
    <message>
        <source>&lt; 1 day</source>
        <translation>不足1天</translation>
    </message>
    <message>
        <source>1–3 days</source>
        <translation>1–3天</translation>
    </message>
    <message>
        <source>3–7 days</source>
        <translation>3–7天</translation>
    </message>
    <message>
        <source>7–30 days</source>
        <translation>7–30天</translation>
    </message>
    <message>
        <source>&gt; 30 days</source>
        <translation>30天以上</translation>
    </message>
    <message>
        <source>Open requests by age</source>
        <translation>未办结诉求的等待时长</translation>
    </message>
    <message>
        <source>Median time to resolve (hours)</source>
        <translation>办结用时中位数（小时）</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <source>Coverage report</source>
        <translation>覆盖情况报告</translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <source>Coverage report: {area}</source>
        <translation>走访覆盖情况报告：{area}</translation>
    </message>
    <message>
        <source>{period} · figures as of {time}</source>
        <translation>{period} · 数据截至 {time}</translation>
    </message>
    <message>
        <source>Priority households overdue</source>
        <translation>重点户超期未访</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>结对率</translation>
    </message>
    <message>
        <source>Visited within cycle</source>
        <translation>周期内走访率</translation>
    </message>
    <message>
        <source>Visits this week / last week</source>
        <translation>本周 / 上周走访</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>未办结诉求</translation>
    </message>
    <message>
        <source>Overdue requests</source>
        <translation>超时诉求</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>办结用时中位数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>The four lists (四项清单)</source>
        <translation>四项清单</translation>
    </message>
    <message>
        <source>Overdue priority households (most overdue first)</source>
        <translation>超期未访重点户（超期最久在前）</translation>
    </message>
    <message>
        <source>Population: {households} households lived in, {residents} residents, {grids} grids</source>
        <translation>基础底数：在住 {households} 户，居民 {residents} 人，{grids} 个网格</translation>
    </message>
    <message>
        <source>Requests open: {items}</source>
        <translation>居民诉求（未办结）：{items}</translation>
    </message>
    <message>
        <source>Scarce supplies outstanding: {items}</source>
        <translation>紧缺物资（待配送）：{items}</translation>
    </message>
    <message>
        <source>Special groups (residents / visited within cycle):</source>
        <translation>特殊群体（人数 / 周期内已走访户）：</translation>
    </message>
    <message>
        <source>… and {n} more groups on the dashboard</source>
        <translation>…… 另有 {n} 个群体，见一屏知全域</translation>
    </message>
    <message>
        <source>Overdue by</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群体</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>…… 另有 {n} 户</translation>
    </message>
    <message>
        <source>gridboard · names shortened for privacy</source>
        <translation>gridboard · 为保护个人信息，姓名已隐去</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>近90天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近12个月</translation>
    </message>
    <message>
        <source>Export PDF report…</source>
        <translation>导出PDF报告…</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>社区：</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>Priority households overdue</source>
        <translation>重点户超期未访</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>结对率</translation>
    </message>
    <message>
        <source>Visited within cycle</source>
        <translation>周期内走访率</translation>
    </message>
    <message>
        <source>Visits this week</source>
        <translation>本周走访</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>未办结诉求</translation>
    </message>
    <message>
        <source>Overdue requests</source>
        <translation>超时诉求</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>办结用时中位数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为图片…</translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <source>Overdue priority households</source>
        <translation>超期未访重点户</translation>
    </message>
    <message>
        <source>The four lists (四项清单)</source>
        <translation>四项清单</translation>
    </message>
    <message>
        <source>Population basics</source>
        <translation>基础底数</translation>
    </message>
    <message>
        <source>Residents' requests</source>
        <translation>居民诉求</translation>
    </message>
    <message>
        <source>Scarce supplies needed</source>
        <translation>紧缺物资</translation>
    </message>
    <message>
        <source>Special groups</source>
        <translation>特殊群体</translation>
    </message>
    <message>
        <source>Service points this quarter (双积分)</source>
        <translation>本季度服务积分（双积分）</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员数</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>Choose a community to choose one of its grids</source>
        <translation>先选择社区，再选择其中的网格</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Figures as of {time}</source>
        <translation>数据截至 {time}</translation>
    </message>
    <message>
        <source>lived in</source>
        <translation>在住户</translation>
    </message>
    <message>
        <source>{n} households</source>
        <translation>{n} 户</translation>
    </message>
    <message>
        <source>of {n} priority households</source>
        <translation>重点户共 {n} 户</translation>
    </message>
    <message>
        <source>last week {n}</source>
        <translation>上周 {n}</translation>
    </message>
    <message>
        <source>past their time limit</source>
        <translation>已超过办理时限</translation>
    </message>
    <message>
        <source>in the period</source>
        <translation>本时段内</translation>
    </message>
    <message>
        <source>{n} rated</source>
        <translation>{n} 件已评价</translation>
    </message>
    <message>
        <source>Overdue priority households: the first {shown} of {n}</source>
        <translation>超期未访重点户：列出最靠前的 {shown} 户，共 {n} 户</translation>
    </message>
    <message>
        <source>{households} households lived in, {residents} residents</source>
        <translation>在住 {households} 户，居民 {residents} 人</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Preparing the dashboard…</source>
        <translation>正在准备工作看板…</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民数</translation>
    </message>
    <message>
        <source>Priority households</source>
        <translation>重点户</translation>
    </message>
    <message>
        <source>{n} requests open</source>
        <translation>未办结诉求 {n} 件</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Items on open scarce-supplies requests</source>
        <translation>未办结紧缺物资诉求所需物品</translation>
    </message>
    <message>
        <source>No scarce supplies are waiting.</source>
        <translation>暂无待配送的紧缺物资。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>待配送</translation>
    </message>
    <message>
        <source>Residents by priority group, and their households' visits</source>
        <translation>各类重点人群人数及其所在户的走访情况</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群体</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>保存图表为图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>导出PDF报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>工作看板</translation>
    </message>
</context>
<context>
    <name>OverdueModel</name>
    <message>
        <source>Never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Overdue by</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群体</translation>
    </message>
    <message>
        <source>Last reached</source>
        <translation>上次走访到</translation>
    </message>
</context>
</TS>