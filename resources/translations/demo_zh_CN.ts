<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown scale {scale}; choose one of {choices}.</source>
        <translation>未知的规模 {scale}，请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Could not write {path} ({error}).</source>
        <translation>无法写入 {path}（{error}）。</translation>
    </message>
    <message>
        <source>Name the .gridboard file to look at.</source>
        <translation>请指定要查看的 .gridboard 文件。</translation>
    </message>
    <message>
        <source>{path} is still being checked (a few seconds on a big file); until the check has passed nothing can be changed. Nothing was saved: try again in a moment.</source>
        <translation>{path} 正在检查（大文件需要几秒钟）；检查通过之前不能做任何修改。刚才的内容没有保存，请稍后再试。</translation>
    </message>
    <message>
        <source>{path} is damaged ({error}); gridboard will not change it. You can look, print and export; restore a backup to go on working.</source>
        <translation>{path} 已损坏（{error}）；gridboard 不会修改它。可以查看、打印和导出；要继续工作，请恢复一份备份。</translation>
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
        <source>There is no gridboard file at {path}.</source>
        <translation>{path} 处没有 gridboard 文件。</translation>
    </message>
    <message>
        <source>{path} could not be opened ({error}).</source>
        <translation>无法打开 {path}（{error}）。</translation>
    </message>
    <message>
        <source>{path} was made by an older gridboard and must be upgraded before it can be opened, but it cannot be changed here. Copy it to a folder you can write to, or close the copy of gridboard that has it open, and open it again.</source>
        <translation>{path} 由旧版 gridboard 创建，需要先升级才能打开，但在这里无法修改它。请把它复制到可以写入的文件夹，或关闭正在打开它的另一个 gridboard，然后重新打开。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error}).</source>
        <translation>无法读取 {path}（{error}）。</translation>
    </message>
    <message>
        <source>{path} is marked as a gridboard file but holds no gridboard tables (it was never finished). Nothing in it can be read.</source>
        <translation>{path} 标记为 gridboard 文件，但里面没有 gridboard 的数据表（文件没有创建完成），无法读取其中内容。</translation>
    </message>
    <message>
        <source>This file has no path to open again.</source>
        <translation>此文件没有可再次打开的路径。</translation>
    </message>
    <message>
        <source>{path} is protected with a passphrase (or it is not a gridboard file: it is not an SQLite database).</source>
        <translation>{path} 已用口令加密（或者它不是 gridboard 文件：不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>{path} is not a gridboard file (it is not an SQLite database).</source>
        <translation>{path} 不是 gridboard 文件（它不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({error}).</source>
        <translation>{path} 已损坏，无法读取（{error}）。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database, but not a gridboard file (it holds tables such as {tables}).</source>
        <translation>{path} 是 SQLite 数据库，但不是 gridboard 文件（其中有 {tables} 等表）。</translation>
    </message>
    <message>
        <source>{path} is an empty SQLite database made by another program, not a gridboard file. gridboard leaves it as it is; to start a new community, choose a new file name.</source>
        <translation>{path} 是其他程序创建的空 SQLite 数据库，不是 gridboard 文件。gridboard 不会改动它；要新建社区，请另取一个文件名。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of gridboard (schema {version}; this one knows {known}). Open it with that version; this one will not change it.</source>
        <translation>{path} 由更新版本的 gridboard 写入（结构版本 {version}，本版本只认识到 {known}）。请用那个版本打开；本版本不会改动它。</translation>
    </message>
    <message>
        <source>{path} is damaged ({error}).</source>
        <translation>{path} 已损坏（{error}）。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of gridboard (schema step {step}). Open it with that version; this one will not change it.</source>
        <translation>{path} 由更新版本的 gridboard 写入（结构版本 {step}）。请用该版本打开；本版本不会改动它。</translation>
    </message>
</context>
</TS>