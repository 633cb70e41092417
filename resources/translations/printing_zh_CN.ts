<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown floor order {value}.</source>
        <translation>未知的楼层顺序 {value}。</translation>
    </message>
    <message>
        <source>Unknown pairing mode {mode}.</source>
        <translation>未知的结对方式 {mode}。</translation>
    </message>
    <message>
        <source>This member is already paired with this household.</source>
        <translation>该党员已与此户结对。</translation>
    </message>
    <message>
        <source>This pairing has already ended.</source>
        <translation>该结对已结束。</translation>
    </message>
    <message>
        <source>This scope has already ended.</source>
        <translation>该包片已结束。</translation>
    </message>
    <message>
        <source>Choose at least one household.</source>
        <translation>请至少选择一户。</translation>
    </message>
    <message>
        <source>No member with id {id}.</source>
        <translation>没有编号为 {id} 的党员。</translation>
    </message>
    <message>
        <source>{name} no longer serves; choose an active member.</source>
        <translation>{name} 已不在岗，请选择在岗党员。</translation>
    </message>
    <message>
        <source>{building} has no unit {unit}.</source>
        <translation>{building}没有{unit}单元。</translation>
    </message>
    <message>
        <source>{building} has no floor {floor}.</source>
        <translation>{building}没有{floor}层。</translation>
    </message>
    <message>
        <source>This member already covers that place.</source>
        <translation>该党员已包联此处。</translation>
    </message>
    <message>
        <source>Choose a different member to take over.</source>
        <translation>请选择另一名党员接手。</translation>
    </message>
    <message>
        <source>No building with id {id}.</source>
        <translation>没有编号为 {id} 的楼栋。</translation>
    </message>
    <message>
        <source>Unknown grid section {value}.</source>
        <translation>未知的网格分节方式 {value}。</translation>
    </message>
    <message>
        <source>There is no printed sheet numbered {sheet_no}.</source>
        <translation>没有编号为 {sheet_no} 的已打印走访单。</translation>
    </message>
    <message>
        <source>Sheet {sheet_no} has no row {rows}.</source>
        <translation>走访单 {sheet_no} 没有第 {rows} 行。</translation>
    </message>
    <message>
        <source>Row {rows} of sheet {sheet_no} has already been entered; nothing was saved.</source>
        <translation>走访单 {sheet_no} 的第 {rows} 行已经录入过，本次未保存任何内容。</translation>
    </message>
    <message>
        <source>Row {row}: choose how the visit went and how it was made.</source>
        <translation>第 {row} 行：请选择走访结果和走访方式。</translation>
    </message>
    <message>
        <source>Row {row}: choose the request's category and urgency.</source>
        <translation>第 {row} 行：请选择诉求的类别和紧急程度。</translation>
    </message>
    <message>
        <source>Row {row}: write the request under Situation and requests to raise it.</source>
        <translation>第 {row} 行：要登记为诉求，请先在“情况及诉求”里写明内容。</translation>
    </message>
    <message>
        <source>No {table} is called {name}.</source>
        <translation>没有名为“{name}”的{table}。</translation>
    </message>
    <message>
        <source>Several {table}s are called {name}; give one of the ids {ids}.</source>
        <translation>有多个名为“{name}”的{table}，请改用编号：{ids}。</translation>
    </message>
    <message>
        <source>Name the .gridboard file to print from.</source>
        <translation>请指定要打印的 .gridboard 文件。</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>A member's visit sheet</source>
        <translation>党员入户走访单</translation>
    </message>
    <message>
        <source>A building's door-knocking list</source>
        <translation>楼栋敲门走访清单</translation>
    </message>
    <message>
        <source>A grid's visit sheets</source>
        <translation>网格走访单（整格）</translation>
    </message>
    <message>
        <source>Contact table for a unit entrance (large type)</source>
        <translation>单元门口对接服务联系表（大字）</translation>
    </message>
    <message>
        <source>The day's requests list</source>
        <translation>当日诉求清单</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>One sheet per member</source>
        <translation>每名党员一份</translation>
    </message>
    <message>
        <source>One sheet per building</source>
        <translation>每栋楼一份</translation>
    </message>
    <message>
        <source>From the ground floor up</source>
        <translation>从低层往上</translation>
    </message>
    <message>
        <source>From the top floor down</source>
        <translation>从顶层往下</translation>
    </message>
    <message>
        <source>Mask residents' phone numbers (138****1234)</source>
        <translation>居民电话打码（138****1234）</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>打印：</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>社区：</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>党员：</translation>
    </message>
    <message>
        <source>Building:</source>
        <translation>楼栋：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>分节：</translation>
    </message>
    <message>
        <source>Floors:</source>
        <translation>楼层顺序：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Every unit, a page each</source>
        <translation>所有单元，每单元一页</translation>
    </message>
    <message>
        <source>Unit {unit}</source>
        <translation>{unit}单元</translation>
    </message>
    <message>
        <source>Choose a member.</source>
        <translation>请选择党员。</translation>
    </message>
    <message>
        <source>Choose a building.</source>
        <translation>请选择楼栋。</translation>
    </message>
    <message>
        <source>Choose a grid.</source>
        <translation>请选择网格。</translation>
    </message>
    <message>
        <source>Gathering households…</source>
        <translation>正在汇总住户…</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Giving back the sheet numbers…</source>
        <translation>正在退回走访单编号…</translation>
    </message>
    <message>
        <source>Phones in full</source>
        <translation>完整电话号码</translation>
    </message>
    <message>
        <source>Why must this printout show residents' phones in full? (recorded in the audit trail)</source>
        <translation>为什么这份打印件需要显示居民的完整电话？（将记入操作记录）</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing to PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>The PDF could not be written: {error}</source>
        <translation>无法写入 PDF：{error}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，未保存任何内容。</translation>
    </message>
    <message>
        <source>Saved {pages} pages to {path}. {sheets}</source>
        <translation>已将 {pages} 页保存到 {path}。{sheets}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was printed.</source>
        <translation>已取消，未打印。</translation>
    </message>
    <message>
        <source>Preparing the printout…</source>
        <translation>正在准备打印内容…</translation>
    </message>
    <message>
        <source>Not printed.</source>
        <translation>未打印。</translation>
    </message>
    <message>
        <source>Visit sheet</source>
        <translation>走访单</translation>
    </message>
    <message>
        <source>Door-knocking list</source>
        <translation>楼栋敲门走访清单</translation>
    </message>
    <message>
        <source>Visit sheets</source>
        <translation>走访单</translation>
    </message>
    <message>
        <source>Contact table</source>
        <translation>对接服务联系表</translation>
    </message>
    <message>
        <source>Requests list</source>
        <translation>诉求清单</translation>
    </message>
    <message>
        <source>Printout</source>
        <translation>打印件</translation>
    </message>
    <message>
        <source>Sheet number {number}.</source>
        <translation>走访单编号 {number}。</translation>
    </message>
    <message>
        <source>Sheet numbers {first} to {last}.</source>
        <translation>走访单编号 {first} 至 {last}。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer or file could not be opened for writing.</source>
        <translation>无法打开打印机或文件进行写入。</translation>
    </message>
    <message>
        <source>Sheet page {page}/{pages}</source>
        <translation>本单第 {page}/{pages} 页</translation>
    </message>
    <message>
        <source>Printed at {time}</source>
        <translation>打印时间：{time}</translation>
    </message>
    <message>
        <source>Page {page} of …</source>
        <translation>第 {page} 页，共 … 页</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>Household visit sheet</source>
        <translation>入户走访记录单</translation>
    </message>
    <message>
        <source>Door-knocking list</source>
        <translation>楼栋敲门走访清单</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
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
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>重点人群</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>未办结诉求</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Met / nobody home</source>
        <translation>见面/无人</translation>
    </message>
    <message>
        <source>Situation and requests</source>
        <translation>情况及诉求</translation>
    </message>
    <message>
        <source>Resident's signature</source>
        <translation>居民签字</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Sheet number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>from the top floor down</source>
        <translation>从顶层往下</translation>
    </message>
    <message>
        <source>from the ground floor up</source>
        <translation>从低层往上</translation>
    </message>
    <message>
        <source>Walking order: building, unit, floor ({order}), room. Method: in person / phone / WeChat. Write ✓ when you met the household, ○ when nobody was home. Grey rows are priority households.</source>
        <translation>走访顺序：楼栋、单元、楼层（{order}）、房号。方式填：入户/电话/微信。见到住户打 ✓，无人在家画 ○。灰底行为重点人群户。</translation>
    </message>
    <message>
        <source>No households on this sheet.</source>
        <translation>本单没有住户。</translation>
    </message>
    <message>
        <source>Visit sheet of {member}</source>
        <translation>{member}的入户走访单</translation>
    </message>
    <message>
        <source>Door-knocking list of {building}</source>
        <translation>{building}敲门走访清单</translation>
    </message>
    <message>
        <source>Visit sheets of {grid}</source>
        <translation>{grid}走访单</translation>
    </message>
    <message>
        <source>{building} unit {unit}</source>
        <translation>{building}{unit}单元</translation>
    </message>
    <message>
        <source>Paired with {rooms}</source>
        <translation>联系 {rooms}</translation>
    </message>
    <message>
        <source>Everything in the grid: requests, help, notices</source>
        <translation>网格内各类诉求、求助、通知</translation>
    </message>
    <message>
        <source>This building or unit: repairs, safety, neighbours</source>
        <translation>本楼本单元：维修、安全、邻里事务</translation>
    </message>
    <message>
        <source>Contact table for {place}</source>
        <translation>{place} 对接服务联系表</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Call for</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <source>No one is assigned to this unit yet.</source>
        <translation>本单元尚未安排联系人。</translation>
    </message>
    <message>
        <source>Community hotline: {hotline}</source>
        <translation>社区服务电话：{hotline}</translation>
    </message>
    <message>
        <source>Citizens' service hotline: 12345</source>
        <translation>市民服务热线：12345</translation>
    </message>
    <message>
        <source>Contact tables of {building}</source>
        <translation>{building}对接服务联系表</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
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
        <source>What was asked</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Result and call-back</source>
        <translation>办理结果及回访</translation>
    </message>
    <message>
        <source>Requests list for {day}</source>
        <translation>{day} 诉求清单</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <source>Still open and due by tonight</source>
        <translation>今日到期未办结</translation>
    </message>
    <message>
        <source>Closed today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <source>Called back today</source>
        <translation>今日回访</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Still open and due by tonight (overdue ones included)</source>
        <translation>今日到期未办结（含已超期）</translation>
    </message>
    <message>
        <source>Print this building's door-knocking list…</source>
        <translation>打印本楼敲门走访清单…</translation>
    </message>
    <message>
        <source>Print the contact table for unit {unit}…</source>
        <translation>打印{unit}单元对接服务联系表…</translation>
    </message>
    <message>
        <source>&amp;Visit sheet for a member…</source>
        <translation>党员入户走访单(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Door-knocking list for a building…</source>
        <translation>楼栋敲门走访清单(&amp;D)…</translation>
    </message>
    <message>
        <source>Visit sheets for a &amp;grid…</source>
        <translation>网格走访单(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Contact table for a unit entrance…</source>
        <translation>单元对接服务联系表(&amp;C)…</translation>
    </message>
    <message>
        <source>Today's &amp;requests list…</source>
        <translation>当日诉求清单(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Enter a returned sheet…</source>
        <translation>录入交回的走访单(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>SheetEntryDialog</name>
    <message>
        <source>Enter a returned sheet</source>
        <translation>录入交回的走访单</translation>
    </message>
    <message>
        <source>Type or scan the sheet number, e.g. 261127-003</source>
        <translation>输入或扫描走访单编号，如 261127-003</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Sheet number:</source>
        <translation>走访单编号：</translation>
    </message>
    <message>
        <source>How to enter: in Outcome type the digit for what is written (1 met, 2 nobody home, 3 refused), in Method 1 in person, 2 phone, 3 WeChat; 0 clears. Type what was written in Situation and requests (Enter to finish); to raise it as a request, give its category (1–9) and urgency. A date or time on the sheet goes in Date (2026-12-01 or 14:30); without one the visit keeps the day and says the time was not written. Save with Ctrl+S.</source>
        <translation>录入方法：在“结果”栏按走访单上写的数字（1见面、2无人在家、3拒访），在“方式”栏按 1入户、2电话、3微信；按 0 清除。“情况及诉求”照单上所写录入（回车结束）；要登记为诉求，再选类别（1–9）和紧急程度。单上写了日期或时间的，填在“日期”栏（2026-12-01 或 14:30）；没写时间的，只记日期并注明“时间未写”。按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>down the column (all outcomes first, then methods)</source>
        <translation>竖着录：先录完一列结果，再录方式</translation>
    </message>
    <message>
        <source>along the row (outcome, method, then the next household)</source>
        <translation>横着录：一户录完结果和方式，再到下一户</translation>
    </message>
    <message>
        <source>(nobody recorded)</source>
        <translation>（不记录走访人）</translation>
    </message>
    <message>
        <source>Visit date (unless a row says otherwise):</source>
        <translation>走访日期（行内未填时）：</translation>
    </message>
    <message>
        <source>Method (unless a row says otherwise):</source>
        <translation>走访方式（行内未填时）：</translation>
    </message>
    <message>
        <source>Visited by:</source>
        <translation>走访人：</translation>
    </message>
    <message>
        <source>After each digit, move:</source>
        <translation>按数字后光标移动：</translation>
    </message>
    <message>
        <source>Save visits</source>
        <translation>保存走访记录</translation>
    </message>
    <message>
        <source>{count} rows typed from sheet {number} are not saved yet. Discard them?</source>
        <translation>走访单 {number} 上已录入的 {count} 行还没有保存。要丢弃吗？</translation>
    </message>
    <message>
        <source>{community} · {grid} · {who} · period {period} · printed {printed} · {rows} rows, {entered} already entered</source>
        <translation>{community} · {grid} · {who} · 周期 {period} · 打印于 {printed} · 共 {rows} 行，已录入 {entered} 行</translation>
    </message>
    <message>
        <source>Nothing to save: give an outcome on at least one row.</source>
        <translation>没有可保存的内容：请至少为一行填写走访结果。</translation>
    </message>
    <message>
        <source>Enter returned sheet {number}</source>
        <translation>录入回收走访单 {number}</translation>
    </message>
    <message>
        <source>Saved {count} visits from sheet {number}.</source>
        <translation>已从走访单 {number} 保存 {count} 条走访记录。</translation>
    </message>
</context>
<context>
    <name>SheetEntryModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
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
        <source>Outcome (1 met, 2 nobody home, 3 refused)</source>
        <translation>结果（1见面 2无人 3拒访）</translation>
    </message>
    <message>
        <source>Method (1 in person, 2 phone, 3 WeChat)</source>
        <translation>方式（1入户 2电话 3微信）</translation>
    </message>
    <message>
        <source>Date, time (if not the default)</source>
        <translation>日期、时间（与默认不同时填）</translation>
    </message>
    <message>
        <source>Situation and requests</source>
        <translation>情况及诉求</translation>
    </message>
    <message>
        <source>Request category (1–9)</source>
        <translation>诉求类别（1–9）</translation>
    </message>
    <message>
        <source>Urgency (1–3)</source>
        <translation>紧急程度（1–3）</translation>
    </message>
    <message>
        <source>Already typed that day</source>
        <translation>当天已录入</translation>
    </message>
    <message>
        <source>Entered: {outcome}</source>
        <translation>已录入：{outcome}</translation>
    </message>
    <message>
        <source>{time} {source}</source>
        <translation>{time} {source}</translation>
    </message>
    <message>
        <source>{earlier}: entered as a second visit</source>
        <translation>{earlier}：作为第二次走访录入</translation>
    </message>
    <message>
        <source>{earlier}: this row is that visit</source>
        <translation>{earlier}：本行就是这次走访，不重复计数</translation>
    </message>
    <message>
        <source>Already entered from this sheet; withdraw that visit to enter it again.</source>
        <translation>此行已从本单录入；如需重录，请先撤回那条走访记录。</translation>
    </message>
    <message>
        <source>A visit to this household by the same member on this day is already in the file. Saving links this row to it instead of counting it twice; tick the box if the member really went a second time.</source>
        <translation>这名党员当天对这一户的走访已经录入过。保存时本行并入那次走访，不重复计数；如确实去了第二次，请勾选。</translation>
    </message>
</context>
</TS>