<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommunitiesBox</name>
    <message>
        <source>Communities compared</source>
        <translation>各社区对比</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格数</translation>
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
        <source>Priority households overdue</source>
        <translation>重点户超期未访</translation>
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
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{path} is the backup of a protected file: its passphrase is needed.</source>
        <translation>{path} 是受保护文件的备份：需要输入它的密码。</translation>
    </message>
    <message>
        <source>That passphrase does not open the backup {path}. Nothing was written.</source>
        <translation>这个密码打不开备份 {path}。没有写入任何内容。</translation>
    </message>
    <message>
        <source>{path} already exists; a backup is restored into a new file.</source>
        <translation>{path} 已存在；备份只能恢复到一个新文件。</translation>
    </message>
    <message>
        <source>{path} is not a gridboard backup, or it is damaged ({error}).</source>
        <translation>{path} 不是 gridboard 备份，或已损坏（{error}）。</translation>
    </message>
    <message>
        <source>There is no grid called {name} in this file.</source>
        <translation>此文件中没有名为 {name} 的网格。</translation>
    </message>
    <message>
        <source>Several communities have a grid called {name} ({communities}): say which community.</source>
        <translation>有多个社区都有名为 {name} 的网格（{communities}），请指明是哪个社区。</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>No {table} with id {id}.</source>
        <translation>找不到编号为 {id} 的 {table}。</translation>
    </message>
    <message>
        <source>{path} is marked as a gridboard file but holds no gridboard tables.</source>
        <translation>{path} 标记为 gridboard 文件，但其中没有 gridboard 的数据表。</translation>
    </message>
    <message>
        <source>A file cannot be merged into itself.</source>
        <translation>不能把文件合并到它自己。</translation>
    </message>
    <message>
        <source>{file} is a copy of this same file (it has the same identity), not another office's file.</source>
        <translation>{file} 是本文件的一个副本（标识相同），不是另一个办公室的文件。</translation>
    </message>
</context>
<context>
    <name>Travel</name>
    <message>
        <source>gridboard backups (*{0} *{1})</source>
        <translation>gridboard 备份 (*{0} *{1})</translation>
    </message>
    <message>
        <source>Check out a grid…</source>
        <translation>借出网格…</translation>
    </message>
    <message>
        <source>Check a grid back in…</source>
        <translation>交回网格…</translation>
    </message>
    <message>
        <source>Merge community files…</source>
        <translation>合并社区文件…</translation>
    </message>
    <message>
        <source>Grids checked out…</source>
        <translation>已借出的网格与合并冲突…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Back up now to…</source>
        <translation>立即备份到…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>This will add: {added}.
It will update: {updated}.
{conflicts} values changed on both sides: the later change is kept and the other listed for review.
Nothing is deleted. Go ahead?</source>
        <translation>将新增：{added}。
将更新：{updated}。
有 {conflicts} 处双方都改过：保留较晚的修改，另一方的值列出供核对。
不会删除任何内容。继续吗？</translation>
    </message>
    <message>
        <source>households</source>
        <translation>住户</translation>
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
        <source>request steps</source>
        <translation>诉求进展</translation>
    </message>
    <message>
        <source>pairings</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>other records {count}</source>
        <translation>其他记录 {count}</translation>
    </message>
</context>
<context>
    <name>TravelFeature</name>
    <message>
        <source>Check out a grid</source>
        <translation>借出网格</translation>
    </message>
    <message>
        <source>Grid to take to a laptop:</source>
        <translation>要带到笔记本电脑上的网格：</translation>
    </message>
    <message>
        <source>Checking out {grid}…</source>
        <translation>正在借出 {grid}…</translation>
    </message>
    <message>
        <source>{grid} is checked out to {file}: {households} households, {visits} visits, {requests} open requests. Check it back in with File → Check a grid back in.</source>
        <translation>{grid} 已借出到 {file}：{households} 户、{visits} 次走访、{requests} 件未办结诉求。用完后请通过“文件 → 交回网格”交回。</translation>
    </message>
    <message>
        <source>Check a grid back in</source>
        <translation>交回网格</translation>
    </message>
    <message>
        <source>Merge community files</source>
        <translation>合并社区文件</translation>
    </message>
    <message>
        <source>Working out what will change…</source>
        <translation>正在计算将要发生的变化…</translation>
    </message>
    <message>
        <source>Nothing new: this file already holds everything in it.</source>
        <translation>没有新内容：本文件已包含其中的全部内容。</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>{count} values changed on both sides were not kept; they are listed under File → Grids checked out… and can be written to an .xlsx.</source>
        <translation>有 {count} 处双方都改过的值未被采用；可在“文件 → 已借出的网格与合并冲突”中查看，并可导出为 .xlsx。</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>正在保存副本…</translation>
    </message>
    <message>
        <source>A copy was saved as {path}.</source>
        <translation>副本已保存为 {path}。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up to {path} ({size:.1f} MB).</source>
        <translation>已备份到 {path}（{size:.1f} MB）。</translation>
    </message>
    <message>
        <source>{when}: {households} households, {visits} visits ({size:.1f} MB)</source>
        <translation>{when}：{households} 户，{visits} 次走访（{size:.1f} MB）</translation>
    </message>
    <message>
        <source>Another backup file…</source>
        <translation>其他备份文件…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backup to restore:</source>
        <translation>要恢复的备份：</translation>
    </message>
    <message>
        <source>Restore into a new file</source>
        <translation>恢复到新文件</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>The backup was restored into {path}. Open it with File → Open.</source>
        <translation>备份已恢复到 {path}。请通过“文件 → 打开”打开它。</translation>
    </message>
</context>
<context>
    <name>TravelListsDialog</name>
    <message>
        <source>Grids checked out and merge conflicts</source>
        <translation>已借出的网格与合并冲突</translation>
    </message>
    <message>
        <source>Grids checked out to laptops (not yet back):</source>
        <translation>已借出到笔记本电脑的网格（尚未交回）：</translation>
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
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <source>Values changed on both sides that a merge did not keep:</source>
        <translation>双方都改过、合并时未采用的值：</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>未采用的值</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <source>Write to .xlsx…</source>
        <translation>导出为 .xlsx…</translation>
    </message>
    <message>
        <source>Mark all reviewed</source>
        <translation>全部标为已核对</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Write conflicts to .xlsx</source>
        <translation>导出合并冲突</translation>
    </message>
</context>
</TS>