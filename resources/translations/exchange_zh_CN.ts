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
        <source>{path} is a WPS file. Open it in WPS and save it as Excel: 文件 → 另存为 → Excel 文件 (*.xlsx), then import that file.</source>
        <translation>{path} 是 WPS 格式文件。请在 WPS 中打开，选择 文件 → 另存为 → Excel 文件 (*.xlsx)，再导入另存的文件。</translation>
    </message>
    <message>
        <source>{path} cannot be read as a workbook (.xlsx, .xls, .ods) or CSV file ({error}).</source>
        <translation>无法将 {path} 读取为表格文件（.xlsx、.xls、.ods）或 CSV 文件（{error}）。</translation>
    </message>
    <message>
        <source>{path} is protected by a password: remove the password in Excel or WPS first.</source>
        <translation>{path} 设有密码保护：请先在 Excel 或 WPS 中取消密码。</translation>
    </message>
    <message>
        <source>The CSV file is neither UTF-8 nor GBK text ({error}).</source>
        <translation>该 CSV 文件既不是 UTF-8 也不是 GBK 编码（{error}）。</translation>
    </message>
    <message>
        <source>Say which .gridboard file to export from.</source>
        <translation>请指定要导出的 .gridboard 文件。</translation>
    </message>
    <message>
        <source>A grid worker (网格员) prints their grids' sheets; exports of the whole file are for community staff.</source>
        <translation>网格员可以打印本网格的记录单；整个文件的导出由社区工作人员进行。</translation>
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
        <source>Estate (小区)</source>
        <translation>小区</translation>
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
        <source>Household number (户号)</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <source>Disability (category and grade)</source>
        <translation>残疾类别及等级</translation>
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
        <source>Paired households (list)</source>
        <translation>联系户（多户）</translation>
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
        <source>No column gives the member's name (党员姓名): assign one.</source>
        <translation>没有党员姓名列：请指定一列。</translation>
    </message>
    <message>
        <source>Unknown group {word}: kept as a note on the resident; map it to a tag.</source>
        <translation>不认识的人员类别“{word}”：已作为该居民的备注保留；可将它对应到一个标签。</translation>
    </message>
    <message>
        <source>Unknown kind of member {word}: taken as 社区党员; map it to a kind.</source>
        <translation>不认识的党员类别“{word}”：暂按社区党员导入；可将它对应到一个类别。</translation>
    </message>
    <message>
        <source>Unknown occupancy {word}: taken as 自住; map it to 自住, 出租 or 空置.</source>
        <translation>不认识的居住状态“{word}”：暂按自住导入；可将它对应到自住、出租或空置。</translation>
    </message>
    <message>
        <source>同上 (same as above) with nothing above it: write the value itself.</source>
        <translation>此处写了“同上”，但上方没有可沿用的内容：请填写实际内容。</translation>
    </message>
    <message>
        <source>The sheet is longer than gridboard reads at once: only its first {rows} rows were read. Split it into several sheets.</source>
        <translation>工作表超过一次能读取的行数：只读取了前 {rows} 行。请把它拆成几个工作表。</translation>
    </message>
    <message>
        <source>No column gives the address (住址, 楼栋, 门牌号): assign one.</source>
        <translation>没有一列给出住址（住址、楼栋、门牌号）：请指定一列。</translation>
    </message>
    <message>
        <source>The row does not say which building (楼栋) the household is in.</source>
        <translation>这一行没有写明住户所在的楼栋。</translation>
    </message>
    <message>
        <source>The row has no room number (门牌号).</source>
        <translation>这一行没有门牌号。</translation>
    </message>
    <message>
        <source>The row does not say where the household lives (no address and no row above to follow).</source>
        <translation>这一行没有写明住户住在哪里（没有住址，上方也没有可沿用的行）。</translation>
    </message>
    <message>
        <source>Household number {number} is at the same address as household {other} (row {other_row}); both were taken as one household.</source>
        <translation>户号 {number} 与户号 {other}（第 {other_row} 行）的住址相同，已合为一户。</translation>
    </message>
    <message>
        <source>A name has at most {length} characters; this cell has {count}.</source>
        <translation>姓名最多 {length} 个字，这个单元格有 {count} 个字。</translation>
    </message>
    <message>
        <source>The number {number} was read as an Excel day number: {day}. Check it.</source>
        <translation>数字 {number} 被当作 Excel 日期序号读取为 {day}，请核对。</translation>
    </message>
    <message>
        <source>A birth date cannot be in the future.</source>
        <translation>出生日期不能是将来的日期。</translation>
    </message>
    <message>
        <source>A second head of household for the same room: {name} here, {other} on row {other_row}. Both were taken into one household; check the room numbers.</source>
        <translation>同一门牌出现第二个户主：此处为 {name}，第 {other_row} 行为 {other}。两者已合为一户，请核对门牌号。</translation>
    </message>
    <message>
        <source>The head of household written here ({name}) is not the one on row {other_row} ({other}).</source>
        <translation>此处写的户主（{name}）与第 {other_row} 行的户主（{other}）不一致。</translation>
    </message>
    <message>
        <source>Likely duplicate: {name} at this address is also on {other_sheet} row {other_row}; the rows were taken as one person.</source>
        <translation>可能重复：此住址的 {name} 也出现在“{other_sheet}”第 {other_row} 行，已按同一人导入。</translation>
    </message>
    <message>
        <source>Household number {number} matches no household in the sheets (no address row has it).</source>
        <translation>户号 {number} 找不到对应的住户（没有哪一行写了这个户号的住址）。</translation>
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
        <source>The gender differs from the ID number's.</source>
        <translation>性别与身份证号不一致。</translation>
    </message>
    <message>
        <source>Member {name} is also on {other_sheet} row {other_row} with the same phone or ID: taken as one member.</source>
        <translation>党员 {name} 也出现在“{other_sheet}”第 {other_row} 行，电话或身份证号相同，已按同一名党员导入。</translation>
    </message>
    <message>
        <source>Two members named {name} with different phones or IDs (also {other_sheet} row {other_row}): kept as two people.</source>
        <translation>有两名党员都叫 {name}，电话或身份证号不同（另见“{other_sheet}”第 {other_row} 行）：按两个人导入。</translation>
    </message>
    <message>
        <source>Not paired: the row names no household (address or head of household).</source>
        <translation>未结对：这一行没有写明住户（住址或户主）。</translation>
    </message>
    <message>
        <source>A 包楼栋/包单元/包楼层 row needs the building (and unit, floor).</source>
        <translation>包楼栋、包单元、包楼层的行需要写明楼栋（以及单元、楼层）。</translation>
    </message>
    <message>
        <source>A 包楼层 row needs the floor (5层).</source>
        <translation>包楼层的行需要写明楼层（如 5层）。</translation>
    </message>
    <message>
        <source>The row has no member's name.</source>
        <translation>这一行没有党员姓名。</translation>
    </message>
    <message>
        <source>Building {name} is new and the community has several grids: add a 网格 column (or name the sheet after its grid) to say which.</source>
        <translation>{name} 是新楼栋，而本社区有多个网格：请加一列“网格”（或把工作表按网格命名）说明它属于哪个网格。</translation>
    </message>
    <message>
        <source>Not paired: {count} members are named {name}; add the member's phone to say which.</source>
        <translation>未结对：有 {count} 名党员叫 {name}；请写上党员电话以便区分。</translation>
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
        <source>Not paired: no household's head is named {name}; give the address.</source>
        <translation>未结对：没有户主叫 {name} 的住户；请写明住址。</translation>
    </message>
    <message>
        <source>Not paired: {count} households have a head named {name}; give the address.</source>
        <translation>未结对：有 {count} 户的户主都叫 {name}；请写明住址。</translation>
    </message>
    <message>
        <source>Not paired: no building {name} in the file or the sheets.</source>
        <translation>未结对：文件和表格中都没有楼栋 {name}。</translation>
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
        <source>A room number says a basement deeper than 5 floors.</source>
        <translation>门牌号表示的地下层深于地下 5 层。</translation>
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
        <source>Excel stored this ID number as a number and lost its last digits; type it again as text.</source>
        <translation>Excel 把这个身份证号存成了数字，末几位已经丢失；请以文本格式重新录入。</translation>
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
        <source>A floor must be 1 to 120, or -1 to -5 below ground.</source>
        <translation>楼层应为 1 到 120，地下为 -1 到 -5。</translation>
    </message>
    <message>
        <source>The ID number's check digit is wrong (a typo?).</source>
        <translation>身份证号校验位不对（是否录错？）。</translation>
    </message>
    <message>
        <source>The yes/no cell is empty.</source>
        <translation>是/否单元格为空。</translation>
    </message>
    <message>
        <source>A yes/no cell holds 是 or 否 (√ or ×).</source>
        <translation>是/否单元格应填“是”或“否”（√ 或 ×）。</translation>
    </message>
    <message>
        <source>A disability grade is 一级 to 四级 (1 to 4).</source>
        <translation>残疾等级为一级到四级（1 到 4）。</translation>
    </message>
    <message>
        <source>Not a disability gridboard knows: 视力, 听力, 言语, 肢体, 智力, 精神 or 多重, and 一级 to 四级.</source>
        <translation>无法识别的残疾类别：应为视力、听力、言语、肢体、智力、精神或多重，等级为一级到四级。</translation>
    </message>
    <message>
        <source>The cell says there is no disability.</source>
        <translation>该单元格表示没有残疾。</translation>
    </message>
    <message>
        <source>The disability cell is empty.</source>
        <translation>残疾单元格为空。</translation>
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
        <source>Unknown kind of pairing (1+1, N+1, 1+N, 包楼层, 包单元, 包楼栋).</source>
        <translation>无法识别的结对方式（1+1、N+1、1+N、包楼层、包单元、包楼栋）。</translation>
    </message>
    <message>
        <source>The kind of pairing is empty.</source>
        <translation>结对方式为空。</translation>
    </message>
    <message>
        <source>The relation to the head of household is empty.</source>
        <translation>与户主关系为空。</translation>
    </message>
    <message>
        <source>Unknown relation to the head of household (户主, 配偶, 子, 女, 其他…).</source>
        <translation>无法识别的与户主关系（户主、配偶、子、女、其他…）。</translation>
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
        <source>Full phone and ID numbers</source>
        <translation>完整电话和身份证号</translation>
    </message>
    <message>
        <source>Why must this export show phone and ID numbers in full? (recorded in the audit trail)</source>
        <translation>为什么这次导出需要完整的电话和身份证号？（将记入操作记录）</translation>
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
        <source>Floors, units and buildings covered</source>
        <translation>包楼层、包单元、包楼栋</translation>
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
        <source>Sheets not imported: {sheets}</source>
        <translation>未导入的工作表：{sheets}</translation>
    </message>
    <message>
        <source>{rows} rows are totals (合计), notes or repeated headers and were skipped.</source>
        <translation>有 {rows} 行是合计、备注或重复的表头，已跳过。</translation>
    </message>
    <message>
        <source>{rows} rows left out (they can be saved to fix later).</source>
        <translation>有 {rows} 行不导入（可另存下来改好后再导入）。</translation>
    </message>
    <message>
        <source>Words to map: {words}</source>
        <translation>待对应的词：{words}</translation>
    </message>
    <message>
        <source>Only the first {shown} problems are listed ({total} in all).</source>
        <translation>只列出前 {shown} 个问题（共 {total} 个）。</translation>
    </message>
    <message>
        <source>{errors} errors must be fixed (correct the cell or leave the row out) before anything is imported; {warnings} warnings.</source>
        <translation>有 {errors} 个错误须先处理（改正单元格或不导入该行）才能导入；另有 {warnings} 个提醒。</translation>
    </message>
    <message>
        <source>Keep as a note</source>
        <translation>作为备注保留</translation>
    </message>
    <message>
        <source>Ignore the word</source>
        <translation>忽略这个词</translation>
    </message>
    <message>
        <source>No errors; {warnings} warnings. Nothing has been written yet.</source>
        <translation>没有错误；{warnings} 条提醒。尚未写入任何数据。</translation>
    </message>
    <message>
        <source>The sheet is empty.</source>
        <translation>工作表是空的。</translation>
    </message>
    <message>
        <source>Instructions for filling in the form (说明): not data.</source>
        <translation>这是填表说明，不是数据。</translation>
    </message>
    <message>
        <source>A summary of totals (汇总): not one row per person.</source>
        <translation>这是汇总表，不是一人一行的名册。</translation>
    </message>
    <message>
        <source>No columns gridboard knows (姓名, 住址, 党员姓名…).</source>
        <translation>没有可识别的列（姓名、住址、党员姓名…）。</translation>
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
        <source>Word in the sheet</source>
        <translation>表格中的词</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>对应为</translation>
    </message>
    <message>
        <source>Check the sheets to see what would be imported and every problem.</source>
        <translation>点“检查”查看将导入的内容和所有问题。</translation>
    </message>
    <message>
        <source>Correct value for the selected cell</source>
        <translation>所选单元格的正确内容</translation>
    </message>
    <message>
        <source>Correct the cell</source>
        <translation>改正单元格</translation>
    </message>
    <message>
        <source>Leave the row out</source>
        <translation>不导入该行</translation>
    </message>
    <message>
        <source>Save rows left out…</source>
        <translation>另存未导入的行…</translation>
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
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Save the rows left out</source>
        <translation>另存未导入的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Rows left out</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>{rows} rows written to {file}: fix them there and import that file.</source>
        <translation>已将 {rows} 行写入 {file}：请在其中改好后再导入该文件。</translation>
    </message>
    <message>
        <source>Your corrections to this import are not imported yet. Close and lose them?</source>
        <translation>您在本次导入中所做的修改尚未导入。关闭并放弃这些修改吗？</translation>
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
        <source>Use “Save rows left out…” before closing to keep the rows that were not imported.</source>
        <translation>关闭前请用“另存未导入的行…”保存未导入的行。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
</context>
</TS>