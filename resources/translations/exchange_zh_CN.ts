<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>{path} could not be written ({error}). Is it open in Excel or WPS?</source>
        <translation>无法写入 {path}（{error}）。是否正在 Excel 或 WPS 中打开？</translation>
    </message>
    <message>
        <source>The import was stopped by {count} problem(s) in the sheet; nothing was written.</source>
        <translation>表格中有 {count} 处问题，导入已停止，未写入任何数据。</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>找不到文件 {path}。</translation>
    </message>
    <message>
        <source>{path} is an old Excel (.xls) or WPS file: save it as .xlsx and import that.</source>
        <translation>{path} 是旧版 Excel (.xls) 或 WPS 文件：请另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>{path} cannot be read as an Excel workbook ({error}).</source>
        <translation>无法按 Excel 工作簿读取 {path}（{error}）。</translation>
    </message>
    <message>
        <source>The CSV file is neither UTF-8 nor GBK text ({error}).</source>
        <translation>该 CSV 文件既不是 UTF-8 也不是 GBK 编码（{error}）。</translation>
    </message>
    <message>
        <source>Say which .gridboard file to export from.</source>
        <translation>请指定要导出的 .gridboard 文件。</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Address (building-unit-room)</source>
        <translation>住址（楼栋-单元-门牌）</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>门牌号</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Resident's name</source>
        <translation>居民姓名</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生年月</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Household phone</source>
        <translation>户联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Tags (priority groups)</source>
        <translation>人员类别（重点人群）</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>人口数</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>居住状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Party member's name</source>
        <translation>党员姓名</translation>
    </message>
    <message>
        <source>Kind of member</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>所在支部</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Paired households</source>
        <translation>联系户</translation>
    </message>
    <message>
        <source>Pairing mode</source>
        <translation>结对方式</translation>
    </message>
    <message>
        <source>Paired since</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Households and residents</source>
        <translation>住户与居民</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>No column gives the room (门牌号) or address: assign one.</source>
        <translation>没有门牌号或住址列：请指定一列。</translation>
    </message>
    <message>
        <source>No column gives the member's name (党员姓名): assign one.</source>
        <translation>没有党员姓名列：请指定一列。</translation>
    </message>
    <message>
        <source>The row has no room number.</source>
        <translation>这一行没有门牌号。</translation>
    </message>
    <message>
        <source>The row does not say which building.</source>
        <translation>这一行没有写明楼栋。</translation>
    </message>
    <message>
        <source>Likely duplicate: the same ID number is on {other_sheet} row {other_row}.</source>
        <translation>可能重复：{other_sheet} 第 {other_row} 行有相同的身份证号。</translation>
    </message>
    <message>
        <source>The birth year differs from the ID number's ({year}).</source>
        <translation>出生年份与身份证号中的（{year}）不一致。</translation>
    </message>
    <message>
        <source>Unknown tag(s) not imported: {tags}.</source>
        <translation>无法识别的人员类别未导入：{tags}。</translation>
    </message>
    <message>
        <source>Likely duplicate: {name} at this address is also on {other_sheet} row {other_row}; the rows were merged.</source>
        <translation>可能重复：该地址的 {name} 也在 {other_sheet} 第 {other_row} 行，两行已合并。</translation>
    </message>
    <message>
        <source>The row has no member's name.</source>
        <translation>这一行没有党员姓名。</translation>
    </message>
    <message>
        <source>Likely duplicate: member {name} is also on {other_sheet} row {other_row}; the rows were merged.</source>
        <translation>可能重复：党员 {name} 也在 {other_sheet} 第 {other_row} 行，两行已合并。</translation>
    </message>
    <message>
        <source>A paired household needs building, unit and room (3-2-502).</source>
        <translation>联系户需写明楼栋、单元和门牌（如 3-2-502）。</translation>
    </message>
    <message>
        <source>A pairing mode is 1+1, N+1 or 1+N.</source>
        <translation>结对方式应为 1+1、N+1 或 1+N。</translation>
    </message>
    <message>
        <source>Building {name} is new and the community has several grids: add a 网格 column to say which.</source>
        <translation>{name} 是新楼栋，而社区有多个网格：请增加“网格”列说明所属网格。</translation>
    </message>
    <message>
        <source>Not paired: there is no member named {name} in the file or the sheets.</source>
        <translation>未结对：文件和表格中都没有名为 {name} 的党员。</translation>
    </message>
    <message>
        <source>Not paired: no household at {address} in the file or the sheets.</source>
        <translation>未结对：文件和表格中都没有 {address} 这一户。</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>住址为空。</translation>
    </message>
    <message>
        <source>This is not an address gridboard can read.</source>
        <translation>无法识别这个住址。</translation>
    </message>
    <message>
        <source>A unit number must be 1 to 50.</source>
        <translation>单元号应在 1 到 50 之间。</translation>
    </message>
    <message>
        <source>A room number says floor above 120.</source>
        <translation>门牌号表示的楼层超过 120 层。</translation>
    </message>
    <message>
        <source>The building is empty.</source>
        <translation>楼栋为空。</translation>
    </message>
    <message>
        <source>The unit is empty.</source>
        <translation>单元为空。</translation>
    </message>
    <message>
        <source>A unit must be a number such as 2 or 2单元.</source>
        <translation>单元应为数字，如 2 或 2单元。</translation>
    </message>
    <message>
        <source>The room number is empty.</source>
        <translation>门牌号为空。</translation>
    </message>
    <message>
        <source>A room must be a number such as 502.</source>
        <translation>门牌号应为数字，如 502。</translation>
    </message>
    <message>
        <source>A floor must be a number.</source>
        <translation>楼层应为数字。</translation>
    </message>
    <message>
        <source>A floor must be 1 to 120.</source>
        <translation>楼层应在 1 到 120 之间。</translation>
    </message>
    <message>
        <source>The year is not between 1900 and next year.</source>
        <translation>年份不在 1900 年到明年之间。</translation>
    </message>
    <message>
        <source>There is no such date (month 1–12, day within the month).</source>
        <translation>没有这个日期（月份应为 1–12，日期不超过当月天数）。</translation>
    </message>
    <message>
        <source>The date is empty.</source>
        <translation>日期为空。</translation>
    </message>
    <message>
        <source>This is not a date gridboard can read.</source>
        <translation>无法识别这个日期。</translation>
    </message>
    <message>
        <source>This is not a time of day.</source>
        <translation>这不是有效的时间。</translation>
    </message>
    <message>
        <source>The phone number is empty.</source>
        <translation>电话号码为空。</translation>
    </message>
    <message>
        <source>The phone number is masked (****); it was not imported.</source>
        <translation>电话号码已打码（****），未导入。</translation>
    </message>
    <message>
        <source>A phone number holds only digits.</source>
        <translation>电话号码只能包含数字。</translation>
    </message>
    <message>
        <source>This is not a mobile number (1 then 3–9).</source>
        <translation>这不是手机号（应以 13–19 开头）。</translation>
    </message>
    <message>
        <source>A phone number has 11 digits (mobile) or an area code and 7–8 digits.</source>
        <translation>电话号码应为 11 位手机号，或区号加 7–8 位号码。</translation>
    </message>
    <message>
        <source>The ID number is empty.</source>
        <translation>身份证号为空。</translation>
    </message>
    <message>
        <source>The ID number is masked (****); it was not imported.</source>
        <translation>身份证号已打码（****），未导入。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits, then a digit or X.</source>
        <translation>身份证号应为 18 位：17 位数字加一位数字或 X。</translation>
    </message>
    <message>
        <source>The ID number's check digit is wrong (a typo?).</source>
        <translation>身份证号校验位不对（是否录错？）。</translation>
    </message>
    <message>
        <source>A gender is 男 or 女.</source>
        <translation>性别应为男或女。</translation>
    </message>
    <message>
        <source>Occupancy is 自住, 出租 or 空置.</source>
        <translation>居住状态应为自住、出租或空置。</translation>
    </message>
    <message>
        <source>Unknown kind of member (社区党员, 在职党员, 下沉干部…).</source>
        <translation>无法识别的党员类别（社区党员、在职党员、下沉干部…）。</translation>
    </message>
    <message>
        <source>A number of people must be a whole number.</source>
        <translation>人口数应为整数。</translation>
    </message>
    <message>
        <source>More than 99 people in one household.</source>
        <translation>一户超过 99 人。</translation>
    </message>
    <message>
        <source>&amp;Import from Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel</source>
        <translation>导出到 Excel(&amp;E)</translation>
    </message>
    <message>
        <source>Household and resident &amp;ledger…</source>
        <translation>住户与居民台账(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Visits for a period…</source>
        <translation>一段时间的走访记录(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Requests with their steps…</source>
        <translation>诉求及办理过程(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Coverage by grid and member…</source>
        <translation>按网格和党员的覆盖情况(&amp;C)…</translation>
    </message>
    <message>
        <source>Import &amp;templates</source>
        <translation>导入模板(&amp;T)</translation>
    </message>
    <message>
        <source>Households and residents…</source>
        <translation>住户与居民…</translation>
    </message>
    <message>
        <source>Party members…</source>
        <translation>党员名册…</translation>
    </message>
    <message>
        <source>Pairings…</source>
        <translation>结对表…</translation>
    </message>
    <message>
        <source>Import from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{rows} rows written to {path}</source>
        <translation>已写入 {rows} 行到 {path}</translation>
    </message>
    <message>
        <source>Save an import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Template written to {path}</source>
        <translation>模板已保存到 {path}</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>{label}: {added} new, {updated} updated, {unchanged} unchanged</source>
        <translation>{label}：新增 {added}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <source>New: {communities} communities, {grids} grids, {buildings} buildings</source>
        <translation>新建：社区 {communities} 个，网格 {grids} 个，楼栋 {buildings} 栋</translation>
    </message>
    <message>
        <source>Unknown tags (not imported): {tags}</source>
        <translation>无法识别的人员类别（未导入）：{tags}</translation>
    </message>
    <message>
        <source>{errors} errors must be fixed in the sheet before anything is imported; {warnings} warnings.</source>
        <translation>表格中有 {errors} 处错误，改正后才能导入；另有 {warnings} 条提醒。</translation>
    </message>
    <message>
        <source>No errors; {warnings} warnings. Nothing has been written yet.</source>
        <translation>没有错误；{warnings} 条提醒。尚未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Write full phone and ID numbers (personal information)</source>
        <translation>写出完整的电话和身份证号（个人信息）</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Each row is:</source>
        <translation>每一行是：</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <source>Column in the sheet</source>
        <translation>表格中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行内容</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Check the sheets to see what would be imported and every problem.</source>
        <translation>点“检查”查看将导入的内容和所有问题。</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(columns as last time for this layout)</source>
        <translation>（沿用上次对这种表格的列设置）</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>The columns changed: check again before importing.</source>
        <translation>列设置已改变：导入前请重新检查。</translation>
    </message>
    <message>
        <source>Checking the sheets…</source>
        <translation>正在检查表格…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
</context>
</TS>