<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AppController</name>
        <message>
            <source>Today's backup could not be made; it will be tried again later. ({reason})</source>
            <translation>今天的备份没能做成，稍后会再试。（{reason}）</translation>
        </message>
    </context>
    <context>
        <name>Ask</name>
        <message>
            <source>Unsaved entries</source>
            <translation>有未保存的内容</translation>
        </message>
        <message>
            <source>Discard them</source>
            <translation>不要了</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>继续填写</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>gridboard ran into a problem</source>
            <translation>gridboard 出了问题</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. It is a fault in gridboard, not something you did.</source>
            <translation>发生了意外错误。这是 gridboard 程序的问题，不是您操作有误。</translation>
        </message>
        <message>
            <source>Your data is safe up to {time}: every change saved until then is in the file.</source>
            <translation>截至 {time} 的数据都是安全的：在此之前保存的每一项修改都已写入文件。</translation>
        </message>
        <message>
            <source>Your data is safe up to the last change you saved: it is all in the file.</source>
            <translation>截至您最后一次保存的数据都是安全的，都已写入文件。</translation>
        </message>
        <message>
            <source>What you were doing just now may not have been saved: check it, and do it again.</source>
            <translation>刚才正在做的操作可能没有保存，请检查一下，必要时重做一遍。</translation>
        </message>
        <message>
            <source>(no log file could be made)</source>
            <translation>（无法创建日志文件）</translation>
        </message>
        <message>
            <source>The details are also in the log file:
{path}</source>
            <translation>详细信息也记录在日志文件中：
{path}</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>{path} could not be written: permission denied. If it is open in another program (Excel, WPS, a PDF viewer), close it there; otherwise choose another folder.</source>
            <translation>无法写入 {path}：没有权限。如果它正在其他程序（Excel、WPS、PDF 阅读器）中打开，请先在那里关闭；否则请换一个文件夹。</translation>
        </message>
        <message>
            <source>{path} could not be found or made ({error}). Check the folder.</source>
            <translation>找不到也无法创建 {path}（{error}）。请检查文件夹。</translation>
        </message>
        <message>
            <source>{path} is busy: another copy of gridboard or an import is writing to it. Nothing was saved. Wait a moment and try again.</source>
            <translation>{path} 正忙：另一个 gridboard 或正在进行的导入正在写入它。本次没有保存任何内容。请稍等片刻再试。</translation>
        </message>
        <message>
            <source>There is no room left on the disk for {path}. Nothing was saved. Free some space (empty the recycle bin, move old files away) and try again.</source>
            <translation>{path} 所在的磁盘已经没有空间了，本次没有保存任何内容。请腾出一些空间（清空回收站、移走旧文件）后再试。</translation>
        </message>
        <message>
            <source>{path} cannot be changed: it is read only here. Nothing was saved.</source>
            <translation>{path} 无法修改：它在这里是只读的。本次没有保存任何内容。</translation>
        </message>
        <message>
            <source>{path} could not be read or written ({error}). Check that the USB stick or network folder is still there, then try again. Nothing was saved.</source>
            <translation>无法读写 {path}（{error}）。请检查 U 盘或网络文件夹是否还连着，然后再试。本次没有保存任何内容。</translation>
        </message>
        <message>
            <source>{path} is damaged ({error}). Stop working on it: close gridboard and open the latest backup.</source>
            <translation>{path} 已损坏（{error}）。请不要继续在上面工作：关闭 gridboard，打开最近的备份。</translation>
        </message>
        <message>
            <source>{path} could not be written completely ({reason}); nothing was saved there. The disk may be full: free some space, or choose another folder, and try again.</source>
            <translation>{path} 没能完整写出（{reason}），那里没有保存任何文件。可能是磁盘满了：请腾出空间或换一个文件夹后再试。</translation>
        </message>
        <message>
            <source>{path} is open for writing in another copy of gridboard ({operator} on {host}, since {since}). Close it there first, or open it read only.</source>
            <translation>{path} 正在另一个 gridboard 中以可写方式打开（{host} 上的 {operator}，自 {since} 起）。请先在那里关闭，或以只读方式打开。</translation>
        </message>
        <message>
            <source>{path} cannot be changed: the file or its folder is read only (a CD, a protected share, a read-only copy). Copy it to a folder you can write to.</source>
            <translation>{path} 无法修改：文件或它所在的文件夹是只读的（光盘、受保护的共享文件夹、只读副本）。请把它复制到可以写入的文件夹。</translation>
        </message>
        <message>
            <source>{path} is a folder, not a gridboard file.</source>
            <translation>{path} 是一个文件夹，不是 gridboard 文件。</translation>
        </message>
        <message>
            <source>{path} was made by an older gridboard and must be upgraded before it can be opened, but it cannot be changed here. Copy it to a folder you can write to, or close the copy of gridboard that has it open, and open it again.</source>
            <translation>{path} 由旧版 gridboard 创建，需要先升级才能打开，但在这里无法修改它。请把它复制到可以写入的文件夹，或关闭正在打开它的另一个 gridboard，然后重新打开。</translation>
        </message>
        <message>
            <source>{path} is marked as a gridboard file but holds no gridboard tables (it was never finished). Nothing in it can be read.</source>
            <translation>{path} 标记为 gridboard 文件，但里面没有 gridboard 的数据表（文件没有创建完成），无法读取其中内容。</translation>
        </message>
        <message>
            <source>{path} is an empty SQLite database made by another program, not a gridboard file. gridboard leaves it as it is; to start a new community, choose a new file name.</source>
            <translation>{path} 是其他程序创建的空 SQLite 数据库，不是 gridboard 文件。gridboard 不会改动它；要新建社区，请另取一个文件名。</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of gridboard (schema {version}; this one knows {known}). Open it with that version; this one will not change it.</source>
            <translation>{path} 由更新版本的 gridboard 写入（结构版本 {version}，本版本只认识到 {known}）。请用那个版本打开；本版本不会改动它。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>gridboard — {file} (read only)</source>
            <translation>gridboard — {file}（只读）</translation>
        </message>
        <message>
            <source>Read only: {operator} on {host} has had this file open for writing since {since}. You can look, print and export; to make changes, close it there and open it again.</source>
            <translation>只读：{host} 上的 {operator} 自 {since} 起以可写方式打开了这个文件。您可以查看、打印和导出；要修改，请先在那里关闭，再重新打开。</translation>
        </message>
        <message>
            <source>Read only: another copy of gridboard has this file open for writing. You can look, print and export; to make changes, close it there and open it again.</source>
            <translation>只读：另一个 gridboard 正以可写方式打开这个文件。您可以查看、打印和导出；要修改，请先在那里关闭，再重新打开。</translation>
        </message>
        <message>
            <source>Read only: this file, or the folder or disk it is on, cannot be written to. You can look, print and export; to make changes, copy it to a folder you can write to.</source>
            <translation>只读：这个文件或它所在的文件夹、磁盘无法写入。您可以查看、打印和导出；要修改，请把它复制到可以写入的文件夹。</translation>
        </message>
        <message>
            <source>Open for writing</source>
            <translation>以可写方式打开</translation>
        </message>
        <message>
            <source>Some entries typed in an open dialog are not saved yet. Close and lose them?</source>
            <translation>打开的窗口中还有填写了但没保存的内容。关闭并丢弃它们吗？</translation>
        </message>
    </context>
    <context>
        <name>SheetEntryDialog</name>
        <message>
            <source>{count} rows typed from sheet {number} are not saved yet. Discard them?</source>
            <translation>走访单 {number} 上已录入的 {count} 行还没有保存。要丢弃吗？</translation>
        </message>
    </context>
    <context>
        <name>StepDialog</name>
        <message>
            <source>What you typed here is not saved yet. Close and lose it?</source>
            <translation>这里填写的内容还没有保存。关闭并丢弃吗？</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <source>What you typed for this visit is not saved yet. Close and lose it?</source>
            <translation>这次走访填写的内容还没有保存。关闭并丢弃吗？</translation>
        </message>
    </context>
</TS>