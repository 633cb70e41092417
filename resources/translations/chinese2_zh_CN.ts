<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Say what help the household needs.</source>
        <translation>请写明这一户需要什么帮助。</translation>
    </message>
    <message>
        <source>Choose the request's category and urgency.</source>
        <translation>请选择诉求的类别和紧急程度。</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>This community has no grids yet. Where to start:</source>
        <translation>这个社区还没有网格。从这里开始：</translation>
    </message>
    <message>
        <source>1. Import your ledger…</source>
        <translation>1. 导入台账…</translation>
    </message>
    <message>
        <source>The household and resident roster you keep in Excel or WPS (.xlsx, .xls, .csv): grids, buildings, households and residents are made from it.</source>
        <translation>平时用 Excel 或 WPS 记的住户、居民花名册（.xlsx、.xls、.csv）：网格、楼栋、住户和居民都从中建立。</translation>
    </message>
    <message>
        <source>2. Download the import template…</source>
        <translation>2. 下载导入模板…</translation>
    </message>
    <message>
        <source>No ledger at hand, or a layout the import does not recognise? Fill in the template and import it.</source>
        <translation>手头没有台账，或台账格式认不出来？把数据填进模板再导入。</translation>
    </message>
    <message>
        <source>3. Add grids by hand…</source>
        <translation>3. 手工添加网格…</translation>
    </message>
    <message>
        <source>Start with a grid, then add its buildings on the site plan.</source>
        <translation>先建网格，再在网格平面图上添加楼栋。</translation>
    </message>
    <message>
        <source>Read the guide (F1)</source>
        <translation>阅读使用指南（F1）</translation>
    </message>
    <message>
        <source>Each task step by step, with pictures.</source>
        <translation>每项工作一步一步讲，配有截图。</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Start a community</source>
        <translation>建社区</translation>
    </message>
    <message>
        <source>File → New; then Import your ledger (Excel, WPS, CSV) or add grids</source>
        <translation>文件 → 新建；再导入台账（Excel、WPS、CSV），或手工添加网格</translation>
    </message>
    <message>
        <source>See each household</source>
        <translation>看图知户况</translation>
    </message>
    <message>
        <source>Board (Ctrl+1): click a building; colours show visits, letters the groups</source>
        <translation>结对看板（Ctrl+1）：点楼栋；颜色表示走访情况，字表示重点人群</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>记走访</translation>
    </message>
    <message>
        <source>Double-click a household, or select it and press Ctrl+L; Enter saves</source>
        <translation>双击一户，或选中后按 Ctrl+L；回车保存</translation>
    </message>
    <message>
        <source>Print visit sheets</source>
        <translation>打印走访单</translation>
    </message>
    <message>
        <source>Print → Visit sheet for a member (Ctrl+P) or a building's list</source>
        <translation>打印 → 党员入户走访单（Ctrl+P）或楼栋敲门清单</translation>
    </message>
    <message>
        <source>Enter returned sheets</source>
        <translation>录入交回的走访单</translation>
    </message>
    <message>
        <source>Print → Enter a returned sheet; type the number; digits 1-3 per row</source>
        <translation>打印 → 录入交回的走访单；输入单号；每行按数字 1–3</translation>
    </message>
    <message>
        <source>Handle requests</source>
        <translation>办理诉求</translation>
    </message>
    <message>
        <source>Requests (Ctrl+3): overdue first; dispatch, resolve, call back</source>
        <translation>居民诉求（Ctrl+3）：超时的在前；派单、办结、回访</translation>
    </message>
    <message>
        <source>Report to the street</source>
        <translation>报街道</translation>
    </message>
    <message>
        <source>Dashboard (Ctrl+4): Export PDF report; the four lists open into names</source>
        <translation>一屏知全域（Ctrl+4）：导出PDF报告；四项清单可列出名单</translation>
    </message>
    <message>
        <source>Emergency roll call</source>
        <translation>应急点名</translation>
    </message>
    <message>
        <source>Emergency → declare; Roll call (Ctrl+5): safe, needs help, unreachable</source>
        <translation>应急 → 宣布应急；每日点名（Ctrl+5）：平安、需要帮助、联系不上</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>File → Back up now, every evening, to a USB stick</source>
        <translation>文件 → 立即备份，每天下班前备份到U盘</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>F1: the guide with pictures of each task</source>
        <translation>F1：图文使用指南，每项工作一步一步讲</translation>
    </message>
    <message>
        <source>gridboard quick start</source>
        <translation>gridboard 快速入门</translation>
    </message>
    <message>
        <source>One file on this computer holds the pairing board: grids, buildings, households, who visits whom, every visit and request. No network is ever needed.</source>
        <translation>这台电脑上的一个文件保存整个结对台账：网格、楼栋、住户、谁联系谁、每次走访和每条诉求。从不需要网络。</translation>
    </message>
    <message>
        <source>To do this</source>
        <translation>要做的事</translation>
    </message>
    <message>
        <source>Go here</source>
        <translation>在哪里做</translation>
    </message>
    <message>
        <source>Keys on a returned sheet: Outcome 1 met, 2 nobody home, 3 refused; Method 1 in person, 2 phone, 3 WeChat; 0 clears. Printed lists hide part of names and numbers.</source>
        <translation>录入走访单的按键：结果 1见面、2无人在家、3拒访；方式 1入户、2电话、3微信；0 清除。打印的名单隐去姓名和号码的一部分。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>F1 opens this guide from any screen.</source>
        <translation>在任何页面按 F1 都能打开本指南。</translation>
    </message>
    <message>
        <source>Print the quick start…</source>
        <translation>打印快速入门…</translation>
    </message>
    <message>
        <source>Save the quick start as PDF…</source>
        <translation>快速入门另存为PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save the quick start as PDF</source>
        <translation>快速入门另存为PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Quick start</source>
        <translation>快速入门</translation>
    </message>
</context>
<context>
    <name>NameList</name>
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
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Priority groups</source>
        <translation>重点人群</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已配送</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>待配送</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群体</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>names shortened for privacy</source>
        <translation>为保护个人信息，姓名和号码已隐去部分</translation>
    </message>
    <message>
        <source>{area}: the first {shown} of {n}</source>
        <translation>{area}：列出前 {shown} 条，共 {n} 条</translation>
    </message>
    <message>
        <source>{area}: {n} in all</source>
        <translation>{area}：共 {n} 条</translation>
    </message>
    <message>
        <source>List names…</source>
        <translation>列出名单…</translation>
    </message>
    <message>
        <source>Open the names behind this list, to print or export</source>
        <translation>打开这份清单的名单，可打印、可导出</translation>
    </message>
    <message>
        <source>Double-click a row for its names</source>
        <translation>双击一行，列出这一行的名单</translation>
    </message>
</context>
<context>
    <name>NamesDialog</name>
    <message>
        <source>Names and numbers shortened for privacy.</source>
        <translation>为保护个人信息，姓名和号码已隐去部分。</translation>
    </message>
    <message>
        <source>Double-click a row to open the household on the board.</source>
        <translation>双击一行，在结对看板上打开这一户。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>NeedsHelpDialog</name>
    <message>
        <source>Reached, needs help</source>
        <translation>已联系·需帮助</translation>
    </message>
    <message>
        <source>{place}: what help does the household need?</source>
        <translation>{place}：这一户需要什么帮助？</translation>
    </message>
    <message>
        <source>e.g. insulin runs out tomorrow; the heating is off</source>
        <translation>例如：胰岛素明天用完；暖气停了</translation>
    </message>
    <message>
        <source>Raise a request for it now</source>
        <translation>同时登记为诉求</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Urgency:</source>
        <translation>紧急程度：</translation>
    </message>
</context>
</TS>