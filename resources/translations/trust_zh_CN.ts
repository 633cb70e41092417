<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail (操作记录)</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Export to .xlsx…</source>
        <translation>导出为 .xlsx…</translation>
    </message>
    <message>
        <source>{shown} newest of {total} entries shown; narrow the filters or export them all.</source>
        <translation>共 {total} 条，显示最新 {shown} 条；请缩小筛选范围，或全部导出。</translation>
    </message>
    <message>
        <source>{total} entries</source>
        <translation>共 {total} 条</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出操作记录</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{rows} entries written to {path}.</source>
        <translation>已将 {rows} 条记录写入 {path}。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change (old → new, masked)</source>
        <translation>变更（旧 → 新，已遮蔽）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{name} may only look and print (只读): nothing was changed.</source>
        <translation>{name} 只能查看和打印（只读），未做任何更改。</translation>
    </message>
    <message>
        <source>Only an administrator (管理员) may change operators and settings.</source>
        <translation>只有管理员可以更改操作员和设置。</translation>
    </message>
    <message>
        <source>A grid worker (网格员) enters visits and requests; {name} cannot change this.</source>
        <translation>网格员只能录入走访和诉求；{name} 不能更改这一项。</translation>
    </message>
    <message>
        <source>This household is not in {name}'s grids: nothing was changed.</source>
        <translation>这一户不在 {name} 负责的网格内，未做任何更改。</translation>
    </message>
    <message>
        <source>Unknown kind of secret: {kind}.</source>
        <translation>未知的密码类型：{kind}。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>PIN 码为 4 至 12 位数字。</translation>
    </message>
    <message>
        <source>A password has at least 6 characters.</source>
        <translation>密码至少 6 个字符。</translation>
    </message>
    <message>
        <source>No operator with id {id}.</source>
        <translation>没有编号为 {id} 的操作员。</translation>
    </message>
    <message>
        <source>An operator needs a name.</source>
        <translation>操作员需要填写姓名。</translation>
    </message>
    <message>
        <source>Unknown role: {role}.</source>
        <translation>未知的角色：{role}。</translation>
    </message>
    <message>
        <source>The first operator of a file is its administrator.</source>
        <translation>文件的第一位操作员必须是管理员。</translation>
    </message>
    <message>
        <source>There is already an operator named {name}.</source>
        <translation>已有名为 {name} 的操作员。</translation>
    </message>
    <message>
        <source>Choose the grids this grid worker (网格员) works in.</source>
        <translation>请选择这位网格员负责的网格。</translation>
    </message>
    <message>
        <source>A file keeps at least one administrator (管理员).</source>
        <translation>文件至少要保留一位管理员。</translation>
    </message>
    <message>
        <source>That name and PIN or password do not match.</source>
        <translation>姓名与 PIN 码或密码不符。</translation>
    </message>
    <message>
        <source>{name} no longer works in this file.</source>
        <translation>{name} 已不再使用此文件。</translation>
    </message>
    <message>
        <source>This file has no path to open again.</source>
        <translation>此文件没有可再次打开的路径。</translation>
    </message>
    <message>
        <source>This file has operators: name one of them with --operator NAME (not {name}).</source>
        <translation>此文件设有操作员：请用 --operator 姓名 指定其中一位（而不是 {name}）。</translation>
    </message>
    <message>
        <source>{name}'s role does not allow this.</source>
        <translation>{name} 的角色不允许此操作。</translation>
    </message>
    <message>
        <source>{name}'s role does not allow reading the audit trail.</source>
        <translation>{name} 的角色不允许查看操作记录。</translation>
    </message>
    <message>
        <source>Say why the numbers must be shown in full.</source>
        <translation>请说明为什么需要显示完整号码。</translation>
    </message>
    <message>
        <source>This gridboard cannot open protected files (sqlcipher3 is missing).</source>
        <translation>此版本的 gridboard 无法打开加密文件（缺少 sqlcipher3）。</translation>
    </message>
    <message>
        <source>A passphrase has at least 8 characters.</source>
        <translation>口令至少 8 个字符。</translation>
    </message>
    <message>
        <source>This gridboard cannot protect files (sqlcipher3 is missing).</source>
        <translation>此版本的 gridboard 无法加密文件（缺少 sqlcipher3）。</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>That passphrase does not open {path} (or the file is damaged, or it is not a gridboard file). Nothing was changed.</source>
        <translation>该口令无法打开 {path}（或文件已损坏，或它不是 gridboard 文件）。未做任何更改。</translation>
    </message>
    <message>
        <source>A protected file is copied only to a protected copy.</source>
        <translation>加密文件只能复制为加密副本。</translation>
    </message>
    <message>
        <source>Keep residents at least one year after they move out.</source>
        <translation>居民迁出后至少保留一年。</translation>
    </message>
    <message>
        <source>Say why these residents are purged.</source>
        <translation>请说明清除这些居民的原因。</translation>
    </message>
    <message>
        <source>Numbers can be shown in full only where that can be recorded: this file is read only here.</source>
        <translation>只有能记录下来时才能显示完整号码：此文件在这里是只读的。</translation>
    </message>
    <message>
        <source>Name the .gridboard file to look at.</source>
        <translation>请指定要查看的 .gridboard 文件。</translation>
    </message>
</context>
<context>
    <name>FirstOperatorDialog</name>
    <message>
        <source>Who looks after this file?</source>
        <translation>谁负责管理这个文件？</translation>
    </message>
    <message>
        <source>This file holds residents' personal information. From now on everyone signs in with their own name and PIN, and every change is recorded under their name.
First, the administrator (usually the community secretary): they can add the others.</source>
        <translation>此文件保存居民的个人信息。从现在起，每个人都用自己的姓名和 PIN 码登录，每项更改都记在本人名下。
首先设置管理员（通常是社区书记），由管理员再添加其他人。</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>登录方式：</translation>
    </message>
    <message>
        <source>PIN or password:</source>
        <translation>PIN 码或密码：</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>The two entries differ; type the PIN or password again.</source>
        <translation>两次输入不一致，请重新输入 PIN 码或密码。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>PIN or password</source>
        <translation>PIN 码或密码</translation>
    </message>
    <message>
        <source>Someone else…</source>
        <translation>换人登录…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Locked — {name}</source>
        <translation>已锁定 — {name}</translation>
    </message>
    <message>
        <source>This window locked itself after {minutes} minutes without use.</source>
        <translation>窗口已闲置 {minutes} 分钟，自动锁定。</translation>
    </message>
    <message>
        <source>This window is locked.</source>
        <translation>窗口已锁定。</translation>
    </message>
    <message>
        <source>Type your PIN or password to go on.</source>
        <translation>输入您的 PIN 码或密码继续。</translation>
    </message>
    <message>
        <source>That is not the PIN or password of {name}.</source>
        <translation>这不是 {name} 的 PIN 码或密码。</translation>
    </message>
</context>
<context>
    <name>OperatorEditor</name>
    <message>
        <source>New operator</source>
        <translation>新操作员</translation>
    </message>
    <message>
        <source>Operator {name}</source>
        <translation>操作员 {name}</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Grids (grid workers only):</source>
        <translation>网格（仅网格员）：</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>登录方式：</translation>
    </message>
    <message>
        <source>First PIN or password:</source>
        <translation>初始 PIN 码或密码：</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Last signed in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Role and grids…</source>
        <translation>角色和网格…</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>重设 PIN 码…</translation>
    </message>
    <message>
        <source>No longer works here</source>
        <translation>已离岗</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Lock the window after this long unused:</source>
        <translation>闲置多久后锁定窗口：</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <source>New PIN (4–12 digits) for {name}:</source>
        <translation>{name} 的新 PIN 码（4–12 位数字）：</translation>
    </message>
    <message>
        <source>{name} will no longer be able to sign in. Go on?</source>
        <translation>{name} 将不能再登录。继续吗？</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <source>Protect this file with a passphrase</source>
        <translation>用口令加密此文件</translation>
    </message>
    <message>
        <source>A protected file cannot be read without its passphrase: a copied file or a lost USB stick tells nobody anything. Its daily backups are protected the same way.

A new protected file is made beside this one; this one is kept until you remove it.

If the passphrase is forgotten, NOBODY can open the file again — not the office, not the makers of gridboard. Write it down and keep it somewhere safe.</source>
        <translation>加密后的文件没有口令就无法读取：即使文件被复制或 U 盘丢失，也泄露不了任何信息。每日备份同样加密。

将在此文件旁边生成一个新的加密文件；原文件保留，直到您自行删除。

口令一旦忘记，任何人都无法再打开文件——社区不能，gridboard 的开发者也不能。请把口令写下来，妥善保管。</translation>
    </message>
    <message>
        <source>Passphrase (8 or more characters):</source>
        <translation>口令（至少 8 个字符）：</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>I understand that a forgotten passphrase cannot be recovered.</source>
        <translation>我明白：忘记的口令无法找回。</translation>
    </message>
    <message>
        <source>Tick the box to say you have read the warning.</source>
        <translation>请勾选，表示您已阅读上面的提醒。</translation>
    </message>
    <message>
        <source>A passphrase has at least 8 characters.</source>
        <translation>口令至少 8 个字符。</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge residents who moved out</source>
        <translation>清除已迁出居民</translation>
    </message>
    <message>
        <source>Residents who moved out long ago are removed from the file for good: their names, phones and ID numbers are no longer kept (the audit trail keeps only that they were removed).</source>
        <translation>迁出已久的居民将从文件中永久删除：不再保存其姓名、电话和身份证号（操作记录只保留“已清除”这一事实）。</translation>
    </message>
    <message>
        <source> years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Moved out more than:</source>
        <translation>迁出超过：</translation>
    </message>
    <message>
        <source>Why (recorded):</source>
        <translation>原因（将记录）：</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>迁出日期</translation>
    </message>
    <message>
        <source>Purge them</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>{count} residents would be removed.</source>
        <translation>将清除 {count} 位居民。</translation>
    </message>
    <message>
        <source>Remove these {count} residents for good? This cannot be undone.</source>
        <translation>永久删除这 {count} 位居民？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Switch operator — {file}</source>
        <translation>切换操作员 — {file}</translation>
    </message>
    <message>
        <source>Sign in — {file}</source>
        <translation>登录 — {file}</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>谁在操作？</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>PIN or password:</source>
        <translation>PIN 码或密码：</translation>
    </message>
    <message>
        <source>Forgot your PIN? The administrator can set a new one.</source>
        <translation>忘记 PIN 码？请管理员重新设置。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>Trust</name>
    <message>
        <source>PIN (4–12 digits)</source>
        <translation>PIN 码（4–12 位数字）</translation>
    </message>
    <message>
        <source>Password (6 or more characters)</source>
        <translation>密码（至少 6 个字符）</translation>
    </message>
    <message>
        <source>Administrator (管理员)</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Community worker (社区工作者)</source>
        <translation>社区工作者</translation>
    </message>
    <message>
        <source>Grid worker (网格员)</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Read only (只读)</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>shown in full</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>purged</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>brought back</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>new PIN</source>
        <translation>重设 PIN 码</translation>
    </message>
    <message>
        <source>placed on the plan</source>
        <translation>放置到平面图</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>made (demo)</source>
        <translation>生成（演示）</translation>
    </message>
    <message>
        <source>groups changed</source>
        <translation>改了重点人群</translation>
    </message>
    <message>
        <source>merged from another file</source>
        <translation>从另一文件合并</translation>
    </message>
    <message>
        <source>merge undone</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>checked out</source>
        <translation>领出</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>交回</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>moved back</source>
        <translation>迁回</translation>
    </message>
    <message>
        <source>progress noted</source>
        <translation>记录进展</translation>
    </message>
    <message>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>released</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>escalated a level</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>new version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>rolled up</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>acknowledged at</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>added at</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>answer due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>answered at</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>answered by</source>
        <translation>答复人</translation>
    </message>
    <message>
        <source>removed at</source>
        <translation>移除时间</translation>
    </message>
    <message>
        <source>department in charge</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>member in charge</source>
        <translation>承办党员</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>available time</source>
        <translation>可服务时间</translation>
    </message>
    <message>
        <source>party branch</source>
        <translation>所在支部</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>by the rule</source>
        <translation>按规则</translation>
    </message>
    <message>
        <source>claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>claimed on</source>
        <translation>认领日期</translation>
    </message>
    <message>
        <source>closed at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>collected at</source>
        <translation>收集时间</translation>
    </message>
    <message>
        <source>field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>contract ends</source>
        <translation>协议截止</translation>
    </message>
    <message>
        <source>contract starts</source>
        <translation>协议开始</translation>
    </message>
    <message>
        <source>contract terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <source>other households' cycle (days)</source>
        <translation>其他户走访周期（天）</translation>
    </message>
    <message>
        <source>priority households' cycle (days)</source>
        <translation>重点户走访周期（天）</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>declared by</source>
        <translation>启动人</translation>
    </message>
    <message>
        <source>delivered at</source>
        <translation>送达时间</translation>
    </message>
    <message>
        <source>delivered by</source>
        <translation>送达人</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>dispatched at</source>
        <translation>派单时间</translation>
    </message>
    <message>
        <source>due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>why ended</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>ended at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>escalated at</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <source>estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>finished on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>floor order</source>
        <translation>楼层顺序</translation>
    </message>
    <message>
        <source>floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>followed up at</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>home</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>hotline ticket</source>
        <translation>热线工单号</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>issued at</source>
        <translation>下达时间</translation>
    </message>
    <message>
        <source>issued by</source>
        <translation>下达人</translation>
    </message>
    <message>
        <source>item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>kept version's time</source>
        <translation>保留版本时间</translation>
    </message>
    <message>
        <source>kept value</source>
        <translation>保留值</translation>
    </message>
    <message>
        <source>setting name</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>last outcome</source>
        <translation>最近走访结果</translation>
    </message>
    <message>
        <source>last reached</source>
        <translation>最近联系上</translation>
    </message>
    <message>
        <source>last signed in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>other file</source>
        <translation>另一文件</translation>
    </message>
    <message>
        <source>other version's time</source>
        <translation>另一版本时间</translation>
    </message>
    <message>
        <source>other value</source>
        <translation>另一值</translation>
    </message>
    <message>
        <source>made at</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>合并记录</translation>
    </message>
    <message>
        <source>met at</source>
        <translation>见面时间</translation>
    </message>
    <message>
        <source>pairing mode</source>
        <translation>结对方式</translation>
    </message>
    <message>
        <source>moved out at</source>
        <translation>迁出时间</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>moved out before</source>
        <translation>迁出早于</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN码</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>apartment block</source>
        <translation>单元楼</translation>
    </message>
    <message>
        <source>courtyard (平房院落)</source>
        <translation>平房院落</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>visit cycle of high-risk households (days)</source>
        <translation>高风险户走访周期（天）</translation>
    </message>
    <message>
        <source>visit cycle of priority households (days)</source>
        <translation>重点户走访周期（天）</translation>
    </message>
    <message>
        <source>visit cycle of other households (days)</source>
        <translation>其他户走访周期（天）</translation>
    </message>
    <message>
        <source>days before a visit is due soon</source>
        <translation>临近走访提醒天数</translation>
    </message>
    <message>
        <source>households a member can cover</source>
        <translation>党员联系户数上限</translation>
    </message>
    <message>
        <source>lock after idle minutes</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>residents' ledger</source>
        <translation>居民台账</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <source>a member's households</source>
        <translation>党员联系户</translation>
    </message>
    <message>
        <source>a building's households</source>
        <translation>楼栋住户</translation>
    </message>
    <message>
        <source>a grid's households</source>
        <translation>网格住户</translation>
    </message>
    <message>
        <source>nothing to import</source>
        <translation>没有可导入的内容</translation>
    </message>
    <message>
        <source>{kind}: {added} added</source>
        <translation>{kind}：新增 {added}</translation>
    </message>
    <message>
        <source>{kind}: {added} added, {updated} changed, {unchanged} unchanged</source>
        <translation>{kind}：新增 {added}，修改 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <source>print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>phone note</source>
        <translation>电话备注</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>occupancy</source>
        <translation>居住状态</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>moved out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>visited at</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <source>how</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>what</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>why withdrawn</source>
        <translation>撤回原因</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>offered on</source>
        <translation>提供日期</translation>
    </message>
    <message>
        <source>old</source>
        <translation>旧值</translation>
    </message>
    <message>
        <source>other file's mark</source>
        <translation>对方标记</translation>
    </message>
    <message>
        <source>other file's name</source>
        <translation>对方文件</translation>
    </message>
    <message>
        <source>period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>place on the plan (across)</source>
        <translation>平面图位置（横）</translation>
    </message>
    <message>
        <source>place on the plan (down)</source>
        <translation>平面图位置（纵）</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>points each</source>
        <translation>每次积分</translation>
    </message>
    <message>
        <source>points per hour</source>
        <translation>每小时积分</translation>
    </message>
    <message>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>上一条</translation>
    </message>
    <message>
        <source>printed at</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>risk tier</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>received at</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>register number</source>
        <translation>登记号</translation>
    </message>
    <message>
        <source>times reopened</source>
        <translation>重新打开次数</translation>
    </message>
    <message>
        <source>reopened at</source>
        <translation>重新打开时间</translation>
    </message>
    <message>
        <source>reported on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>requested item</source>
        <translation>诉求物资</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>resolve by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>resolved at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>returned at</source>
        <translation>回收时间</translation>
    </message>
    <message>
        <source>reviewed at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>risen at</source>
        <translation>升级时间</translation>
    </message>
    <message>
        <source>rooms per floor</source>
        <translation>每层户数</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN码或密码</translation>
    </message>
    <message>
        <source>served on</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>sheet</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>sheet number</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>slip number</source>
        <translation>报到单号</translation>
    </message>
    <message>
        <source>order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>started on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>group</source>
        <translation>人群标签</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>work unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>unit layout</source>
        <translation>单元布局</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>withdrawn at</source>
        <translation>撤回时间</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>人群标签</translation>
    </message>
    <message>
        <source>residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>workbook</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <source>worksheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>worksheets</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>residents purged</source>
        <translation>清除居民数</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>rows left out</source>
        <translation>未导入行数</translation>
    </message>
    <message>
        <source>audit trail</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>community need</source>
        <translation>社区需求</translation>
    </message>
    <message>
        <source>duty post</source>
        <translation>值守岗位</translation>
    </message>
    <message>
        <source>duty shift</source>
        <translation>值守班次</translation>
    </message>
    <message>
        <source>emergency feedback</source>
        <translation>应急反馈</translation>
    </message>
    <message>
        <source>emergency roster</source>
        <translation>应急编组</translation>
    </message>
    <message>
        <source>escalation</source>
        <translation>吹哨上报</translation>
    </message>
    <message>
        <source>grid role</source>
        <translation>网格职务</translation>
    </message>
    <message>
        <source>operator account</source>
        <translation>操作人员</translation>
    </message>
    <message>
        <source>operator's grid</source>
        <translation>操作人员网格</translation>
    </message>
    <message>
        <source>pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>point rule</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>post claim</source>
        <translation>岗位认领</translation>
    </message>
    <message>
        <source>printed sheet row</source>
        <translation>打印单据行</translation>
    </message>
    <message>
        <source>reporting in</source>
        <translation>报到</translation>
    </message>
    <message>
        <source>resident's group</source>
        <translation>居民标签</translation>
    </message>
    <message>
        <source>pairing scope</source>
        <translation>包楼包单元</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>request step</source>
        <translation>诉求环节</translation>
    </message>
    <message>
        <source>emergency</source>
        <translation>应急状态</translation>
    </message>
    <message>
        <source>roll call</source>
        <translation>点名</translation>
    </message>
    <message>
        <source>service post</source>
        <translation>服务岗位</translation>
    </message>
    <message>
        <source>service project</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>printed sheet</source>
        <translation>打印的记录单</translation>
    </message>
    <message>
        <source>supply delivery</source>
        <translation>物资发放</translation>
    </message>
    <message>
        <source>conflict between files</source>
        <translation>文件冲突</translation>
    </message>
    <message>
        <source>cut reference</source>
        <translation>截断引用</translation>
    </message>
    <message>
        <source>files meeting</source>
        <translation>文件合并</translation>
    </message>
    <message>
        <source>unit resource</source>
        <translation>单位资源</translation>
    </message>
    <message>
        <source>visit's member</source>
        <translation>走访党员</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>S&amp;witch operator…</source>
        <translation>切换操作员(&amp;W)…</translation>
    </message>
    <message>
        <source>Loc&amp;k the window</source>
        <translation>锁定窗口(&amp;K)</translation>
    </message>
    <message>
        <source>Audit trail (操作记录)…</source>
        <translation>操作记录…</translation>
    </message>
    <message>
        <source>&amp;Operators…</source>
        <translation>操作员(&amp;O)…</translation>
    </message>
    <message>
        <source>Purge residents who moved out…</source>
        <translation>清除已迁出居民…</translation>
    </message>
    <message>
        <source>Remove passphrase protection…</source>
        <translation>取消口令加密…</translation>
    </message>
    <message>
        <source>Protect with a passphrase…</source>
        <translation>用口令加密…</translation>
    </message>
    <message>
        <source>Its history…</source>
        <translation>本户操作记录…</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>当前登录：{name}（{role}）</translation>
    </message>
    <message>
        <source>History of {address}</source>
        <translation>{address} 的操作记录</translation>
    </message>
    <message>
        <source>That passphrase did not open {file}. Try again:</source>
        <translation>该口令打不开 {file}，请再试一次：</translation>
    </message>
    <message>
        <source>{file} is protected. Its passphrase:</source>
        <translation>{file} 已加密，请输入口令：</translation>
    </message>
    <message>
        <source>Protected file</source>
        <translation>加密文件</translation>
    </message>
    <message>
        <source>Remove protection</source>
        <translation>取消加密</translation>
    </message>
    <message>
        <source>A new file without protection will be made beside this one: anyone who copies it can read every resident. Go on?</source>
        <translation>将在旁边生成一个不加密的新文件：任何人复制它都能读到所有居民信息。继续吗？</translation>
    </message>
    <message>
        <source>{path} was made. The file open now is kept as it was: remove it yourself once you have checked the new one. Open the new file now?</source>
        <translation>已生成 {path}。当前打开的文件保持不变：核对新文件无误后，请自行删除旧文件。现在打开新文件吗？</translation>
    </message>
    <message>
        <source>New file made</source>
        <translation>新文件已生成</translation>
    </message>
</context>
</TS>