<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountService</name>
    <message>
        <source>No late-fee policy is in force on %1: check the setting late_fee.policy.</source>
        <translation>%1 没有生效的违约金规则：请检查设置项 late_fee.policy。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mobile number: a mobile number has 11 digits and starts with 1.</source>
        <translation>“%1”不是手机号码：手机号码为 11 位数字，以 1 开头。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a telephone number: write 7 to 15 digits, with an area code such as 0571-87654321 if needed.</source>
        <translation>“%1”不是电话号码：请填写 7 到 15 位数字，如有需要可带区号，例如 0571-87654321。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WeChat ID: it has 6 to 20 letters, digits, _ or -, starting with a letter, or it is the customer&apos;s mobile number.</source>
        <translation>“%1”不是微信号：微信号为 6 到 20 位字母、数字、_ 或 -，以字母开头；也可以是客户的手机号码。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: write it as name@example.com.</source>
        <translation>“%1”不是电子邮箱地址：格式应为 name@example.com。</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>户号 %1 不存在。</translation>
    </message>
    <message>
        <source>Say which personal data was revealed.</source>
        <translation>请指明查看了哪项个人信息。</translation>
    </message>
</context>
<context>
    <name>AccountText</name>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已停电</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>低风险</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>中风险</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>高风险</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>已于 %1 缴清</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴清</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>部分缴费</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未缴费</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Entry %1 does not link to the entry before it: an earlier entry was removed or altered.</source>
        <translation>第 %1 条记录与前一条记录衔接不上：之前的记录已被删除或篡改。</translation>
    </message>
    <message>
        <source>Entry %1 does not match its hash: its contents were altered after it was written.</source>
        <translation>第 %1 条记录与其哈希值不符：该记录写入后内容被篡改。</translation>
    </message>
</context>
<context>
    <name>AuthService</name>
    <message>
        <source>The password library (libsodium) could not be initialised.</source>
        <translation>无法初始化密码库（libsodium）。</translation>
    </message>
    <message>
        <source>The setting &quot;%1&quot; must be a positive whole number; ask an administrator to correct it.</source>
        <translation>设置项“%1”必须是正整数，请联系管理员更正。</translation>
    </message>
    <message>
        <source>There is no operator &quot;%1&quot;.</source>
        <translation>操作员“%1”不存在。</translation>
    </message>
    <message>
        <source>The password must not be the operator code.</source>
        <translation>密码不能与工号相同。</translation>
    </message>
    <message>
        <source>Unknown operator or wrong password.</source>
        <translation>工号不存在或密码错误。</translation>
    </message>
    <message>
        <source>Operator %1 is disabled. An administrator can enable it again.</source>
        <translation>操作员 %1 已停用，可由管理员重新启用。</translation>
    </message>
    <message>
        <source>Operator %1 is locked after too many failed sign-ins until %2. Try again then, or ask an administrator to set a new password.</source>
        <translation>操作员 %1 因登录失败次数过多已被锁定，直至 %2。请届时再试，或请管理员重设密码。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: operator %1 is locked until %2.</source>
        <translation>登录失败次数过多：操作员 %1 已被锁定，直至 %2。</translation>
    </message>
    <message>
        <source>Operator %1 may not approve this: it needs the role &quot;%2&quot;.</source>
        <translation>操作员 %1 无权审批此项：需要“%2”角色。</translation>
    </message>
    <message>
        <source>The store names hall %1 as its workplace, but has no such hall.</source>
        <translation>数据库登记的所属营业厅为 %1，但库中没有该营业厅。</translation>
    </message>
    <message>
        <source>Only an administrator may add operators.</source>
        <translation>只有管理员可以添加操作员。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid operator code (1 to 16 letters, digits, - or _).</source>
        <translation>“%1”不是有效的工号（1 到 16 位字母、数字、- 或 _）。</translation>
    </message>
    <message>
        <source>The operator needs a name.</source>
        <translation>请填写操作员姓名。</translation>
    </message>
    <message>
        <source>The operator needs at least one role.</source>
        <translation>操作员至少需要一个角色。</translation>
    </message>
    <message>
        <source>An operator with the code &quot;%1&quot; exists already.</source>
        <translation>工号“%1”已存在。</translation>
    </message>
    <message>
        <source>Only an administrator may set another operator&apos;s password.</source>
        <translation>只有管理员可以设置其他操作员的密码。</translation>
    </message>
    <message>
        <source>Only an administrator may enable operators.</source>
        <translation>只有管理员可以启用操作员。</translation>
    </message>
    <message>
        <source>Only an administrator may disable operators.</source>
        <translation>只有管理员可以停用操作员。</translation>
    </message>
    <message>
        <source>%1 is the last active administrator and cannot be disabled; enable or add another administrator first.</source>
        <translation>%1 是最后一个在用的管理员，不能停用；请先启用或添加另一名管理员。</translation>
    </message>
    <message>
        <source>Not enough memory to protect the password; close other programs and try again.</source>
        <translation>内存不足，无法保护密码；请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>A password must not be one character repeated.</source>
        <translation>密码不能由同一个字符重复组成。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact data</source>
        <translation>修改联系方式</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机(&amp;M)</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13812345678</source>
        <translation>11 位数字，例如 13812345678</translation>
    </message>
    <message>
        <source>&amp;Landline</source>
        <translation>固定电话(&amp;L)</translation>
    </message>
    <message>
        <source>With area code, e.g. 0571-87654321</source>
        <translation>含区号，例如 0571-87654321</translation>
    </message>
    <message>
        <source>&amp;WeChat</source>
        <translation>微信(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>caption</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
</context>
<context>
    <name>CustomerClass</name>
    <message>
        <source>Residential</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>一般工商业</translation>
    </message>
    <message>
        <source>Large industrial</source>
        <translation>大工业</translation>
    </message>
    <message>
        <source>Agricultural</source>
        <translation>农业生产</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>The demo makes 1 to %1 accounts, not %2.</source>
        <translation>演示数据的账户数应为 1 到 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The demo&apos;s date must lie between the years 2000 and 2999.</source>
        <translation>演示数据的日期必须在 2000 年到 2999 年之间。</translation>
    </message>
    <message>
        <source>%1 exists already; the demo never overwrites a file.</source>
        <translation>%1 已存在；生成演示数据时从不覆盖已有文件。</translation>
    </message>
    <message>
        <source>There is no folder %1 to create the demo store in.</source>
        <translation>文件夹 %1 不存在，无法在其中创建演示数据库。</translation>
    </message>
    <message>
        <source>The demo store could not be saved as %1 (does it exist already?).</source>
        <translation>无法将演示数据库保存为 %1（该文件是否已存在？）。</translation>
    </message>
</context>
<context>
    <name>DemoWriter</name>
    <message>
        <source>Cannot open %1 to fill it with demo data: %2</source>
        <translation>无法打开 %1 以写入演示数据：%2</translation>
    </message>
    <message>
        <source>Writing the demo store failed (%1): %2</source>
        <translation>写入演示数据库失败（%1）：%2</translation>
    </message>
    <message>
        <source>The store has no trigger %1; this demo generator does not match its schema.</source>
        <translation>数据库中没有触发器 %1；此演示数据生成器与数据库结构不匹配。</translation>
    </message>
    <message>
        <source>The demo store cannot be switched to WAL mode.</source>
        <translation>无法将演示数据库切换到 WAL 模式。</translation>
    </message>
</context>
<context>
    <name>HallDesk::AccountHeader</name>
    <message>
        <source>← Lookup</source>
        <translation>← 查询</translation>
    </message>
    <message>
        <source>Back to the customer lookup (Esc)</source>
        <translation>返回客户查询（Esc）</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Transformer area</source>
        <translation>台区</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>催费员</translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation>电能表号</translation>
    </message>
    <message>
        <source>Prepaid balance</source>
        <translation>预存余额</translation>
    </message>
    <message>
        <source>Payer group</source>
        <translation>付款组</translation>
    </message>
    <message>
        <source>Total due today</source>
        <translation>今日应缴合计</translation>
    </message>
    <message>
        <source>Contacts outdated</source>
        <translation>联系方式待核实</translation>
    </message>
    <message>
        <source>The contact data has not been confirmed for over a year. Check it with the customer.</source>
        <translation>联系方式已超过一年未确认，请与客户核实。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Nothing outstanding on %1</source>
        <translation>截至 %1 无欠费</translation>
    </message>
    <message>
        <source>Arrears %1 + late fee %2
as of %3</source>
        <translation>欠费 %1 元 + 违约金 %2 元
截至 %3</translation>
    </message>
</context>
<context>
    <name>HallDesk::AccountSummaryModel</name>
    <message>
        <source>Account No.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>用电类别</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>用电地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Arrears (¥)</source>
        <translation>欠费（¥）</translation>
    </message>
</context>
<context>
    <name>HallDesk::AccountView</name>
    <message>
        <source>No account is open.
Find a customer on the Lookup screen (F2).</source>
        <translation>尚未打开账户。
请在查询页面（F2）查找客户。</translation>
    </message>
    <message>
        <source>Open bills</source>
        <translation>未结账单</translation>
    </message>
    <message>
        <source>Recent bills</source>
        <translation>近期账单</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Payer group</source>
        <translation>付款组</translation>
    </message>
    <message>
        <source>There is no account %1 in this hall&apos;s records.</source>
        <translation>本营业厅档案中没有户号 %1。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Open bills (%1)</source>
        <translation>未结账单（%1）</translation>
    </message>
    <message>
        <source>No open bills. Everything billed has been paid.</source>
        <translation>没有未结账单，已出账电费均已缴清。</translation>
    </message>
    <message>
        <source>Open bills: %1, the oldest due %2. Outstanding %3, late fee %4 as of %5 (policy %6).</source>
        <translation>未结账单 %1 张，最早一张的缴费截止日为 %2。截至 %5，欠费 %3 元，违约金 %4 元（违约金规则：%6）。</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 第 %2 版</translation>
    </message>
    <message>
        <source>No bills in the last 13 months.</source>
        <translation>近 13 个月没有账单。</translation>
    </message>
    <message>
        <source>Bills of the last 13 months, newest first: %1.</source>
        <translation>近 13 个月的账单共 %1 张，最新的在前。</translation>
    </message>
    <message>
        <source>Contacts (outdated)</source>
        <translation>联系方式（待核实）</translation>
    </message>
    <message>
        <source>Payer group (%1)</source>
        <translation>付款组（%1）</translation>
    </message>
</context>
<context>
    <name>HallDesk::BillTableModel</name>
    <message>
        <source>%1 days overdue (%2 in the due year, %3 in later years), policy %4 version %5</source>
        <translation>逾期 %1 天（当年 %2 天，跨年 %3 天），违约金规则 %4 第 %5 版</translation>
    </message>
    <message>
        <source>Issued %1</source>
        <translation>出账日期 %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>电费年月</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>电量（kWh）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴金额</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>欠费金额</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>缴费截止日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Late fee today</source>
        <translation>当日违约金</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>HallDesk::ContactDialog</name>
    <message>
        <source>Account %1 · %2</source>
        <translation>户号 %1 · %2</translation>
    </message>
    <message>
        <source>Last updated %1. Saving also confirms the data as current.</source>
        <translation>上次更新：%1。保存即同时确认以上信息为最新。</translation>
    </message>
    <message>
        <source>No contact data has been recorded yet.</source>
        <translation>尚未登记联系方式。</translation>
    </message>
</context>
<context>
    <name>HallDesk::ContactPanel</name>
    <message>
        <source>Show numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>ID card no.</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>Shows the full numbers. This is recorded in the audit log.</source>
        <translation>显示完整号码。此操作将记入审计日志。</translation>
    </message>
    <message>
        <source>Update the contact data in one step</source>
        <translation>一次性更新全部联系方式</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>The contact data was last confirmed on %1, more than a year ago. Please check it with the customer and update it.</source>
        <translation>联系方式最近一次确认于 %1，已超过一年。请与客户核实并更新。</translation>
    </message>
    <message>
        <source>No contact data has been confirmed for this account. Please ask the customer and record it.</source>
        <translation>此账户尚未确认过联系方式。请向客户询问并登记。</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
</context>
<context>
    <name>HallDesk::LockScreen</name>
    <message>
        <source>This terminal is locked</source>
        <translation>本终端已锁定</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2). Enter the password to continue.</source>
        <translation>当前登录：%1（%2）。请输入密码以继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Ends this session; another operator can then sign in.</source>
        <translation>结束本次会话，之后其他操作员可以登录。</translation>
    </message>
    <message>
        <source>Locked at %1</source>
        <translation>锁定于 %1</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
<context>
    <name>HallDesk::LookupScreen</name>
    <message>
        <source>Find a customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Account no., name, address, mobile or its last 4 digits, meter no. — or scan the bill&apos;s barcode</source>
        <translation>户号、户名、地址、手机号或其后 4 位、电能表号——或扫描账单条形码</translation>
    </message>
    <message>
        <source>Results appear as you type. ↓ moves into the list, Enter opens an account, Esc clears.</source>
        <translation>输入即显示结果。按 ↓ 进入列表，Enter 打开账户，Esc 清空。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>No match for “%1”. Try part of the name or address, the last four digits of the mobile, or the meter number.</source>
        <translation>未找到与“%1”匹配的客户。可尝试输入户名或地址的一部分、手机号后四位或电能表号。</translation>
    </message>
    <message>
        <source>More than %1 matches, best first. Type more to narrow them down.</source>
        <translation>匹配结果超过 %1 条，按匹配程度排序。请继续输入以缩小范围。</translation>
    </message>
    <message>
        <source>1 match. Enter opens it.</source>
        <translation>找到 1 条结果，按 Enter 打开。</translation>
    </message>
    <message>
        <source>%1 matches. ↓ and Enter open one.</source>
        <translation>找到 %1 条结果，按 ↓ 选择后按 Enter 打开。</translation>
    </message>
</context>
<context>
    <name>HallDesk::LookupWorker</name>
    <message>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
</context>
<context>
    <name>HallDesk::MainWindow</name>
    <message>
        <source>HallDesk — %1</source>
        <translation>HallDesk — %1</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Find a customer (F2)</source>
        <translation>查找客户（F2）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>The account last opened (F3)</source>
        <translation>最近打开的账户（F3）</translation>
    </message>
    <message>
        <source>Back to lookup</source>
        <translation>返回查询</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>About HallDesk</source>
        <translation>关于 HallDesk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>%1 · Terminal %2</source>
        <translation>%1 · 终端 %2</translation>
    </message>
    <message>
        <source>Business date %1</source>
        <translation>营业日期 %1</translation>
    </message>
    <message>
        <source>Business date unknown</source>
        <translation>营业日期未知</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HallDesk %1&lt;/h3&gt;&lt;p&gt;Counter and back office for an electricity service hall.&lt;/p&gt;&lt;p&gt;Store: %2&lt;br/&gt;Qt %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HallDesk %1&lt;/h3&gt;&lt;p&gt;电力营业厅柜台及后台业务系统。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;br/&gt;Qt %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HallDesk::PayerGroupPanel</name>
    <message>
        <source>This account is not in a payer group.</source>
        <translation>此账户不属于任何付款组。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Payer group %1 has no other accounts.</source>
        <translation>付款组 %1 中没有其他账户。</translation>
    </message>
    <message>
        <source>Payer group %1. Other accounts: %2, with %3 in arrears together. Enter or a double-click opens one.</source>
        <translation>付款组 %1。其他账户 %2 户，合计欠费 %3。按 Enter 或双击可打开。</translation>
    </message>
</context>
<context>
    <name>HallDesk::SignInDialog</name>
    <message>
        <source>Sign in — HallDesk</source>
        <translation>登录 — HallDesk</translation>
    </message>
    <message>
        <source>HallDesk</source>
        <translation>HallDesk</translation>
    </message>
    <message>
        <source>%1 · Terminal %2</source>
        <translation>%1 · 终端 %2</translation>
    </message>
    <message>
        <source>e.g. clerk01</source>
        <translation>例如 clerk01</translation>
    </message>
    <message>
        <source>&amp;Operator code</source>
        <translation>工号(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your operator code.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Sign-in was refused.</source>
        <translation>登录被拒绝。</translation>
    </message>
</context>
<context>
    <name>Installation</name>
    <message>
        <source>&quot;%1&quot; is not a valid hall code (1 to 16 letters, digits, - or _).</source>
        <translation>“%1”不是有效的营业厅编码（1 到 16 位字母、数字、- 或 _）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid terminal code (1 to 16 letters, digits, - or _).</source>
        <translation>“%1”不是有效的终端编码（1 到 16 位字母、数字、- 或 _）。</translation>
    </message>
    <message>
        <source>The hall needs a name.</source>
        <translation>请填写营业厅名称。</translation>
    </message>
</context>
<context>
    <name>LateFee</name>
    <message>
        <source>The late-fee policy %1 has no rate for %2 customers.</source>
        <translation>违约金规则 %1 中没有%2类客户的费率。</translation>
    </message>
    <message>
        <source>The late fee on %1 is too large to compute.</source>
        <translation>本金 %1 的违约金数额过大，无法计算。</translation>
    </message>
    <message>
        <source>The late-fee policy %1 lacks a rate for %2 customers (both year buckets are needed).</source>
        <translation>违约金规则 %1 缺少%2类客户的费率（当年和跨年两档费率都必须有）。</translation>
    </message>
</context>
<context>
    <name>LookupService</name>
    <message>
        <source>This looks like a bill barcode, but its check digits are wrong. Scan it again or type the account number.</source>
        <translation>这像是账单条形码，但校验位不正确。请重新扫描或输入户号。</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Missing migration %1.</source>
        <translation>缺少数据库升级脚本 %1。</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a HallDesk store: %2</source>
        <translation>%1 已损坏或不是 HallDesk 数据库：%2</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a HallDesk store.</source>
        <translation>%1 是 SQLite 数据库，但不是 HallDesk 数据库。</translation>
    </message>
    <message>
        <source>%1 was written by a newer HallDesk (store version %2; this program knows up to %3). Install the newer HallDesk; the file was left untouched.</source>
        <translation>%1 由更新版本的 HallDesk 写入（数据库版本 %2；本程序最高支持 %3）。请安装新版 HallDesk；该文件未被改动。</translation>
    </message>
    <message>
        <source>Upgrading %1 to version %2 failed: %3</source>
        <translation>将 %1 升级到版本 %2 失败：%3</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>An amount is written with digits, a decimal point and thousands separators only; &quot;%1&quot; does not belong in it.</source>
        <translation>金额只能由数字、小数点和千位分隔符组成；“%1”不应出现在金额中。</translation>
    </message>
    <message>
        <source>An amount has only one decimal point.</source>
        <translation>金额只能有一个小数点。</translation>
    </message>
    <message>
        <source>Write a digit before the decimal point (0.50, not .50).</source>
        <translation>小数点前须有数字（应写 0.50，而不是 .50）。</translation>
    </message>
    <message>
        <source>Thousands separators belong before the decimal point only.</source>
        <translation>千位分隔符只能出现在小数点之前。</translation>
    </message>
    <message>
        <source>Write one or two digits after the decimal point, or leave the point out.</source>
        <translation>小数点后请写一位或两位数字，或者不写小数点。</translation>
    </message>
    <message>
        <source>An amount has at most two decimal places (jiao and fen).</source>
        <translation>金额最多保留两位小数（角、分）。</translation>
    </message>
    <message>
        <source>The thousands separators are misplaced: write 1,234.00 or 1234.00.</source>
        <translation>千位分隔符位置不正确：请写成 1,234.00 或 1234.00。</translation>
    </message>
    <message>
        <source>The amount is too large: at most %1.</source>
        <translation>金额过大：最多为 %1。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Counter clerk</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>催费员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>Sql</name>
    <message>
        <source>The store refused a statement: %1</source>
        <translation>数据库拒绝执行语句：%1</translation>
    </message>
    <message>
        <source>A statement failed: %1</source>
        <translation>语句执行失败：%1</translation>
    </message>
    <message>
        <source>The store connection is not an SQLite connection.</source>
        <translation>数据库连接不是 SQLite 连接。</translation>
    </message>
    <message>
        <source>A script failed: %1</source>
        <translation>脚本执行失败：%1</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a HallDesk store (it is not an SQLite database).</source>
        <translation>%1 不是 HallDesk 数据库（它不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>There is no store at %1. Create one with &quot;halldeskctl init&quot; or &quot;halldeskctl demo&quot;.</source>
        <translation>%1 处没有数据库。请用“halldeskctl init”或“halldeskctl demo”创建。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a HallDesk store.</source>
        <translation>%1 是文件夹，不是 HallDesk 数据库。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be switched to WAL mode.</source>
        <translation>无法将 %1 切换到 WAL 模式。</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a HallDesk store: %2</source>
        <translation>%1 已损坏或不是 HallDesk 数据库：%2</translation>
    </message>
</context>
<context>
    <name>halldesk</name>
    <message>
        <source>HallDesk</source>
        <translation>HallDesk</translation>
    </message>
    <message>
        <source>HallDesk: the counter of an electricity service hall.</source>
        <translation>HallDesk：电力营业厅柜台系统。</translation>
    </message>
    <message>
        <source>The store to open (default: the demo store %1, made by `halldeskctl demo`).</source>
        <translation>要打开的数据库（默认：由 `halldeskctl demo` 生成的演示数据库 %1）。</translation>
    </message>
    <message>
        <source>Sign in as this operator. With the password in HALLDESK_PASSWORD no sign-in dialog appears.</source>
        <translation>以此操作员身份登录。如已在 HALLDESK_PASSWORD 中提供密码，则不显示登录对话框。</translation>
    </message>
    <message>
        <source>The screen to start on: lookup or account.</source>
        <translation>启动时显示的页面：lookup（查询）或 account（账户）。</translation>
    </message>
    <message>
        <source>Open this account at start.</source>
        <translation>启动时打开此户号。</translation>
    </message>
    <message>
        <source>Start the lookup with this query.</source>
        <translation>启动时以此内容进行查询。</translation>
    </message>
    <message>
        <source>The language: zh_CN or en (default: the system&apos;s).</source>
        <translation>界面语言：zh_CN 或 en（默认：跟随系统）。</translation>
    </message>
    <message>
        <source>Unknown screen &quot;%1&quot;; the screens are lookup and account.</source>
        <translation>未知页面“%1”；可用页面为 lookup 和 account。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use zh_CN or en.</source>
        <translation>未知语言“%1”；请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>There is no demo store at %1 yet. Create it with

    halldeskctl demo --db &quot;%1&quot; --accounts 200000

(or run scripts/demo.sh), or open another store with --db PATH.</source>
        <translation>%1 处还没有演示数据库。请用以下命令创建：

    halldeskctl demo --db &quot;%1&quot; --accounts 200000

（或运行 scripts/demo.sh），或用 --db PATH 打开其他数据库。</translation>
    </message>
    <message>
        <source>Cannot save the screenshot to %1.</source>
        <translation>无法将截图保存到 %1。</translation>
    </message>
    <message>
        <source>The store %1 has no hall and terminal yet. Set it up with `halldeskctl init`.</source>
        <translation>数据库 %1 尚未设置营业厅和终端。请用 `halldeskctl init` 进行设置。</translation>
    </message>
    <message>
        <source>Sign-in was refused.</source>
        <translation>登录被拒绝。</translation>
    </message>
</context>
<context>
    <name>halldeskctl</name>
    <message>
        <source>Show an account with its open bills and their late fees.</source>
        <translation>显示账户及其未结账单和相应违约金。</translation>
    </message>
    <message>
        <source>The store file.</source>
        <translation>数据库文件。</translation>
    </message>
    <message>
        <source>Compute late fees as of this day, YYYY-MM-DD (default: today).</source>
        <translation>按此日期计算违约金，格式 YYYY-MM-DD（默认：今天）。</translation>
    </message>
    <message>
        <source>The account number (户号).</source>
        <translation>户号。</translation>
    </message>
    <message>
        <source>Give exactly one account number.</source>
        <translation>请只提供一个户号。</translation>
    </message>
    <message>
        <source>--on takes a date as YYYY-MM-DD, not &quot;%1&quot;.</source>
        <translation>--on 需要 YYYY-MM-DD 格式的日期，而不是“%1”。</translation>
    </message>
    <message>
        <source>There is no account %1 in %2.</source>
        <translation>%2 中不存在户号 %1。</translation>
    </message>
    <message>
        <source>Verify the audit log&apos;s hash chain.</source>
        <translation>校验审计日志的哈希链。</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>verify（校验）</translation>
    </message>
    <message>
        <source>Name the action: halldeskctl audit verify --db PATH.</source>
        <translation>请指明操作：halldeskctl audit verify --db PATH。</translation>
    </message>
    <message>
        <source>--%1 takes a whole number of at least 1.</source>
        <translation>--%1 需要不小于 1 的整数。</translation>
    </message>
    <message>
        <source>Lookup speed per kind of query, against a naive LIKE scan.</source>
        <translation>按查询类型测量查询速度，并与简单的 LIKE 全表扫描比较。</translation>
    </message>
    <message>
        <source>Usage: halldeskctl bench BENCHMARK [OPTIONS]

Benchmarks:
</source>
        <translation>用法：halldeskctl bench BENCHMARK [OPTIONS]

基准测试：
</translation>
    </message>
    <message>
        <source>Name a benchmark.</source>
        <translation>请指定一项基准测试。</translation>
    </message>
    <message>
        <source>Unknown benchmark &quot;%1&quot;.</source>
        <translation>未知基准测试“%1”。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Missing --%1.</source>
        <translation>缺少 --%1。</translation>
    </message>
    <message>
        <source>Missing --db (the store file).</source>
        <translation>缺少 --db（数据库文件）。</translation>
    </message>
    <message>
        <source>This command changes data: name the operator with --operator.</source>
        <translation>此命令会修改数据：请用 --operator 指定操作员。</translation>
    </message>
    <message>
        <source>Set the operator&apos;s password in the HALLDESK_PASSWORD environment variable.</source>
        <translation>请在环境变量 HALLDESK_PASSWORD 中设置该操作员的密码。</translation>
    </message>
    <message>
        <source>Create an empty store for a hall and terminal.</source>
        <translation>为营业厅和终端创建空数据库。</translation>
    </message>
    <message>
        <source>Create a store with realistic demo accounts.</source>
        <translation>创建含有仿真演示账户的数据库。</translation>
    </message>
    <message>
        <source>Find accounts by anything a customer says or shows.</source>
        <translation>根据客户提供的任何信息查找账户。</translation>
    </message>
    <message>
        <source>Show an account with its open bills and late fees.</source>
        <translation>显示账户及其未结账单和违约金。</translation>
    </message>
    <message>
        <source>Compute a late fee.</source>
        <translation>计算违约金。</translation>
    </message>
    <message>
        <source>Add, list, change or disable operators.</source>
        <translation>添加、列出、修改或停用操作员。</translation>
    </message>
    <message>
        <source>Measure lookup speed.</source>
        <translation>测量查询速度。</translation>
    </message>
    <message>
        <source>--accounts takes a whole number from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--accounts 需要 1 到 %1 之间的整数，而不是“%2”。</translation>
    </message>
    <message>
        <source>--seed takes a whole number from 0 to %1, not &quot;%2&quot;.</source>
        <translation>--seed 需要 0 到 %1 之间的整数，而不是“%2”。</translation>
    </message>
    <message>
        <source>--as-of takes a date as YYYY-MM-DD from the year 2000 on, not &quot;%1&quot;.</source>
        <translation>--as-of 需要 2000 年及以后的 YYYY-MM-DD 格式日期，而不是“%1”。</translation>
    </message>
    <message>
        <source>The store file to create; it must not exist yet.</source>
        <translation>要创建的数据库文件；该文件必须尚不存在。</translation>
    </message>
    <message>
        <source>How many accounts to make (default 200000).</source>
        <translation>要生成的账户数（默认 200000）。</translation>
    </message>
    <message>
        <source>The same seed and date always make the same store (default 1).</source>
        <translation>相同的种子和日期总是生成相同的数据库（默认 1）。</translation>
    </message>
    <message>
        <source>The day the bills and arrears are as of (default today).</source>
        <translation>账单和欠费的截止日期（默认今天）。</translation>
    </message>
    <message>
        <source>%1 exists already; demo never overwrites a file.</source>
        <translation>%1 已存在；demo 从不覆盖已有文件。</translation>
    </message>
    <message>
        <source>There is no folder %1 for the store.</source>
        <translation>用于存放数据库的文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>demo: %1 of %2 accounts written (%3 s)</source>
        <translation>demo：已写入 %1 / %2 个账户（%3 秒）</translation>
    </message>
    <message>
        <source>The store file to create.</source>
        <translation>要创建的数据库文件。</translation>
    </message>
    <message>
        <source>The hall&apos;s code.</source>
        <translation>营业厅编码。</translation>
    </message>
    <message>
        <source>The hall&apos;s name.</source>
        <translation>营业厅名称。</translation>
    </message>
    <message>
        <source>This terminal&apos;s code.</source>
        <translation>本终端的编码。</translation>
    </message>
    <message>
        <source>The first administrator&apos;s operator code.</source>
        <translation>首位管理员的工号。</translation>
    </message>
    <message>
        <source>The first administrator&apos;s name.</source>
        <translation>首位管理员的姓名。</translation>
    </message>
    <message>
        <source>Set the first administrator&apos;s password in HALLDESK_PASSWORD: %1</source>
        <translation>请在 HALLDESK_PASSWORD 中设置首位管理员的密码：%1</translation>
    </message>
    <message>
        <source>%1 exists already; init never overwrites a store.</source>
        <translation>%1 已存在；init 从不覆盖已有数据库。</translation>
    </message>
    <message>
        <source>--%1 takes a date as YYYY-MM-DD, not &quot;%2&quot;.</source>
        <translation>--%1 需要 YYYY-MM-DD 格式的日期，而不是“%2”。</translation>
    </message>
    <message>
        <source>Unknown customer class &quot;%1&quot;; use one of %2.</source>
        <translation>未知用电类别“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>--amount &quot;%1&quot;: %2</source>
        <translation>--amount “%1”：%2</translation>
    </message>
    <message>
        <source>Compute the late fee on an amount overdue since a due date, as of the day of payment.</source>
        <translation>计算自缴费截止日起逾期金额截至缴费当日的违约金。</translation>
    </message>
    <message>
        <source>The customer class: residential, commercial, industrial or agricultural.</source>
        <translation>用电类别：residential（居民）、commercial（一般工商业）、industrial（大工业）或 agricultural（农业生产）。</translation>
    </message>
    <message>
        <source>The overdue principal, e.g. 100.00.</source>
        <translation>逾期本金，例如 100.00。</translation>
    </message>
    <message>
        <source>The bill&apos;s due date, YYYY-MM-DD.</source>
        <translation>账单的缴费截止日，YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>The day of payment, YYYY-MM-DD.</source>
        <translation>缴费日期，YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>The late-fee policy id (default: the store&apos;s selected policy).</source>
        <translation>违约金规则编号（默认：数据库中选定的规则）。</translation>
    </message>
    <message>
        <source>Take the rules from this store instead of the built-in ones.</source>
        <translation>使用此数据库中的规则，而不是内置规则。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>多余的参数“%1”。</translation>
    </message>
    <message>
        <source>There is no late-fee policy &quot;%1&quot; in force on %2.</source>
        <translation>%2 没有生效的违约金规则“%1”。</translation>
    </message>
    <message>
        <source>The store selects no late-fee policy in force on %1 (setting late_fee.policy).</source>
        <translation>数据库未选定在 %1 生效的违约金规则（设置项 late_fee.policy）。</translation>
    </message>
    <message>
        <source>The store has no accounts to sample queries from.</source>
        <translation>数据库中没有账户，无法抽取查询样本。</translation>
    </message>
    <message>
        <source>existing account number</source>
        <translation>已有户号</translation>
    </message>
    <message>
        <source>first 4 to 8 digits of an account number</source>
        <translation>户号前 4 到 8 位</translation>
    </message>
    <message>
        <source>first character of a name</source>
        <translation>户名首字</translation>
    </message>
    <message>
        <source>two characters of a name: its start, or a given name</source>
        <translation>户名中的两个字：开头两字或名字（不含姓）</translation>
    </message>
    <message>
        <source>3 to 6 characters of an address</source>
        <translation>地址中的 3 到 6 个字</translation>
    </message>
    <message>
        <source>full mobile number</source>
        <translation>完整手机号</translation>
    </message>
    <message>
        <source>last four digits of a mobile number</source>
        <translation>手机号后四位</translation>
    </message>
    <message>
        <source>existing meter number</source>
        <translation>已有电能表号</translation>
    </message>
    <message>
        <source>Lookup on %1 accounts, %2 rows a page, %3 queries per kind. Naive: LIKE &apos;%q%&apos; over name, address and account_no, only %4 of the same queries per kind because each one reads the whole table.
</source>
        <translation>在 %1 个账户上查询，每页 %2 行，每类 %3 次查询。对照组：对户名、地址和 account_no 做 LIKE &apos;%q%&apos; 扫描，由于每次都要读全表，每类只执行同样查询中的 %4 次。
</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 毫秒</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 毫秒</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 毫秒</translation>
    </message>
    <message>
        <source>naive p50</source>
        <translation>对照 p50</translation>
    </message>
    <message>
        <source>naive p95</source>
        <translation>对照 p95</translation>
    </message>
    <message>
        <source>naive p99</source>
        <translation>对照 p99</translation>
    </message>
    <message>
        <source>ratio p95</source>
        <translation>p95 倍数</translation>
    </message>
    <message>
        <source>goal p95 ms</source>
        <translation>p95 目标毫秒</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>MISSED</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Time the lookup per kind of query, against a naive LIKE scan measured on the same queries.</source>
        <translation>按查询类型计时，并与在相同查询上测得的简单 LIKE 扫描比较。</translation>
    </message>
    <message>
        <source>Queries per kind (default %1).</source>
        <translation>每类查询次数（默认 %1）。</translation>
    </message>
    <message>
        <source>Naive scans per kind (default %1).</source>
        <translation>每类对照扫描次数（默认 %1）。</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3.</source>
        <translation>--%1 需要 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>Find accounts by anything a customer says or shows: account number (exact or prefix), bill barcode, mobile (full or last four digits), landline, meter number, name or part of it, address fragment.</source>
        <translation>根据客户提供的任何信息查找账户：户号（完整或前缀）、账单条形码、手机号（完整或后四位）、固定电话、电能表号、户名或其一部分、地址片段。</translation>
    </message>
    <message>
        <source>At most this many accounts (default %1).</source>
        <translation>最多返回这么多个账户（默认 %1）。</translation>
    </message>
    <message>
        <source>Skip this many accounts first (for paging; default 0).</source>
        <translation>先跳过这么多个账户（用于分页；默认 0）。</translation>
    </message>
    <message>
        <source>Print SQLite&apos;s query plan of each step instead of the accounts.</source>
        <translation>输出每一步的 SQLite 查询计划，而不是账户。</translation>
    </message>
    <message>
        <source>What to look for; several words are one query.</source>
        <translation>要查找的内容；多个词视为同一个查询。</translation>
    </message>
    <message>
        <source>Give something to look for: an account number, a name, a phone number, …</source>
        <translation>请提供要查找的内容：户号、户名、电话号码……</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; the roles are clerk, supervisor, collector and admin.</source>
        <translation>未知角色“%1”；可用角色为 clerk、supervisor、collector 和 admin。</translation>
    </message>
    <message>
        <source>Name at least one role with --role (clerk, supervisor, collector, admin).</source>
        <translation>请用 --role 指定至少一个角色（clerk、supervisor、collector、admin）。</translation>
    </message>
    <message>
        <source>Set the new password in the %1 environment variable.</source>
        <translation>请在环境变量 %1 中设置新密码。</translation>
    </message>
    <message>
        <source>Only an administrator may change operators; %1 is not one.</source>
        <translation>只有管理员可以修改操作员；%1 不是管理员。</translation>
    </message>
    <message>
        <source>There is no operator &quot;%1&quot;.</source>
        <translation>操作员“%1”不存在。</translation>
    </message>
    <message>
        <source>Add, list, change or disable operators.

  add      add an operator (--code, --name, --role; password in HALLDESK_NEW_PASSWORD)
  list     list the operators as JSON lines
  passwd   set an operator&apos;s password (--code; password in HALLDESK_NEW_PASSWORD)
  disable  stop an operator from signing in (--code)
  enable   let a disabled operator sign in again (--code)

Changes need an administrator: --operator CODE with the password in HALLDESK_PASSWORD. A store without operators takes its first one without.</source>
        <translation>添加、列出、修改或停用操作员。

  add      添加操作员（--code、--name、--role；密码放在 HALLDESK_NEW_PASSWORD 中）
  list     以 JSON 行列出操作员
  passwd   设置操作员密码（--code；密码放在 HALLDESK_NEW_PASSWORD 中）
  disable  停用操作员，使其不能登录（--code）
  enable   重新启用已停用的操作员（--code）

修改需由管理员进行：--operator CODE，密码放在 HALLDESK_PASSWORD 中。尚无操作员的数据库添加第一位操作员时无需管理员。</translation>
    </message>
    <message>
        <source>add, list, passwd, disable or enable.</source>
        <translation>add、list、passwd、disable 或 enable。</translation>
    </message>
    <message>
        <source>The operator&apos;s code.</source>
        <translation>操作员工号。</translation>
    </message>
    <message>
        <source>The operator&apos;s name.</source>
        <translation>操作员姓名。</translation>
    </message>
    <message>
        <source>Roles, separated by commas: clerk, supervisor, collector, admin.</source>
        <translation>角色，以英文逗号分隔：clerk,supervisor,collector,admin。</translation>
    </message>
    <message>
        <source>The administrator making the change.</source>
        <translation>执行此修改的管理员。</translation>
    </message>
    <message>
        <source>Name one action: add, list, passwd, disable or enable.</source>
        <translation>请指定一个操作：add、list、passwd、disable 或 enable。</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;; the actions are add, list, passwd, disable and enable.</source>
        <translation>未知操作“%1”；可用操作为 add、list、passwd、disable 和 enable。</translation>
    </message>
    <message>
        <source>Usage: halldeskctl COMMAND [OPTIONS]

Commands:
</source>
        <translation>用法：halldeskctl COMMAND [OPTIONS]

命令：
</translation>
    </message>
    <message>
        <source>
&quot;halldeskctl COMMAND --help&quot; describes a command&apos;s options.
</source>
        <translation>
“halldeskctl COMMAND --help”可查看命令的选项说明。
</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
</context>
</TS>
