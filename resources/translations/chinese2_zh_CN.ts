<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
</TS>