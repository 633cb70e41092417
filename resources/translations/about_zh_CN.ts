<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About gridboard</source>
        <translation>关于 gridboard</translation>
    </message>
    <message>
        <source>gridboard {version}</source>
        <translation>网格党员联系户结对看板 {version}</translation>
    </message>
    <message>
        <source>The grid-level member–household pairing board.</source>
        <translation>gridboard：结对、走访、诉求闭环，一个离线文件</translation>
    </message>
    <message>
        <source>Works entirely offline; nothing is ever sent over a network.</source>
        <translation>完全离线工作，任何数据都不会通过网络发送。</translation>
    </message>
    <message>
        <source>Bundled fonts and libraries, and their licences:</source>
        <translation>随附的字体和程序库及其许可证：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>File format:</source>
        <translation>文件格式：</translation>
    </message>
    <message>
        <source>version {number} ({step})</source>
        <translation>第 {number} 版（{step}）</translation>
    </message>
    <message>
        <source>This file:</source>
        <translation>当前文件：</translation>
    </message>
    <message>
        <source>format {applied} of {known}</source>
        <translation>格式 {applied}/{known}</translation>
    </message>
    <message>
        <source>{folder} (portable: kept beside the program, nothing on this computer)</source>
        <translation>{folder}（便携模式：数据与程序放在一起，不在本机写入任何内容）</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>构建组件：</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Name the .gridboard file to look at.</source>
        <translation>请指定要查看的 .gridboard 文件。</translation>
    </message>
    <message>
        <source>Give the size as WIDTHxHEIGHT, such as 1366x768.</source>
        <translation>请按“宽x高”给出尺寸，例如 1366x768。</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>gridboard's window cannot start: this computer lacks system libraries it needs ({libraries}).
Install them (as administrator), then start gridboard again:

    sudo apt install {packages}
</source>
        <translation>gridboard 的窗口无法启动：这台电脑缺少所需的系统库（{libraries}）。
请（以管理员身份）安装以下软件包，然后重新启动 gridboard：

    sudo apt install {packages}</translation>
    </message>
    <message>
        <source>gridboard's window needs a desktop session, and none was found (DISPLAY is not set).
Start it from the desktop. The commands (gridboard check, stats, demo, print...) work without one.</source>
        <translation>gridboard 的窗口需要桌面环境，但没有找到（未设置 DISPLAY）。
请在桌面上启动它。命令行功能（gridboard check、stats、demo、print 等）无需桌面即可使用。</translation>
    </message>
</context>
</TS>