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
    <message>
        <source>Entry %1 of the log has hash %2, but it was anchored with %3: the log was rewritten at or before that entry.</source>
        <translation>日志第 %1 条的哈希为 %2，但锚定时为 %3：日志在该条或之前被改写。</translation>
    </message>
    <message>
        <source>The log holds %1 entries, but %2 were anchored: entries were removed from its end.</source>
        <translation>日志只有 %1 条记录，但已锚定 %2 条：末尾的记录被删除了。</translation>
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
    <name>CentralConnection</name>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is missing: install libqt6sql6-psql.</source>
        <translation>缺少 Qt 的 PostgreSQL 驱动（QPSQL）：请安装 libqt6sql6-psql。</translation>
    </message>
    <message>
        <source>Cannot connect to the central server %1: %2</source>
        <translation>无法连接中心服务器 %1：%2</translation>
    </message>
    <message>
        <source>The server returned something that is not JSON: %1</source>
        <translation>服务器返回的内容不是 JSON：%1</translation>
    </message>
    <message>
        <source>The central connection is not a PostgreSQL connection.</source>
        <translation>中心连接不是 PostgreSQL 连接。</translation>
    </message>
    <message>
        <source>The central connection is closed.</source>
        <translation>中心连接已关闭。</translation>
    </message>
    <message>
        <source>The setting %1 of the server URL holds a semicolon, which Qt&apos;s PostgreSQL driver cannot pass on.</source>
        <translation>服务器 URL 的设置项 %1 含有分号，Qt 的 PostgreSQL 驱动无法传递。</translation>
    </message>
</context>
<context>
    <name>CentralDemoWriter</name>
    <message>
        <source>The demo makes 1 to %1 accounts, not %2.</source>
        <translation>演示数据的账户数应为 1 到 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>The demo&apos;s date must lie between the years 2000 and 2999.</source>
        <translation>演示数据的日期必须在 2000 年到 2999 年之间。</translation>
    </message>
    <message>
        <source>The central database has no HallDesk schema; run halldeskctl central migrate first.</source>
        <translation>中心数据库中没有 HallDesk 架构；请先运行 halldeskctl central migrate。</translation>
    </message>
    <message>
        <source>The central database holds accounts already; the demo loads only into a centre without accounts.</source>
        <translation>中心数据库中已有账户；演示数据只能载入尚无账户的中心库。</translation>
    </message>
    <message>
        <source>The central database did not begin a transaction.</source>
        <translation>中心数据库未能开始事务。</translation>
    </message>
    <message>
        <source>The central database did not commit the demo data.</source>
        <translation>中心数据库未能提交演示数据。</translation>
    </message>
</context>
<context>
    <name>CentralMigrator</name>
    <message>
        <source>The central database %1 is at version %2, newer than this HallDesk knows (up to %3). Install the newer HallDesk; the database was left untouched.</source>
        <translation>中心数据库 %1 的版本为 %2，高于本 HallDesk 支持的版本（最高 %3）。请安装更新版本的 HallDesk；数据库未作改动。</translation>
    </message>
    <message>
        <source>Central migration %1 failed and was rolled back: %2</source>
        <translation>中心数据库迁移 %1 失败，已回滚：%2</translation>
    </message>
    <message>
        <source>Central migration %1 did not record version %2 (found %3); rolled back.</source>
        <translation>中心数据库迁移 %1 未记录版本 %2（实际为 %3），已回滚。</translation>
    </message>
    <message>
        <source>Central API file %1 failed; the API files were rolled back: %2</source>
        <translation>中心数据库 API 文件 %1 执行失败，全部 API 文件已回滚：%2</translation>
    </message>
</context>
<context>
    <name>CentralSettings</name>
    <message>
        <source>The server URL must look like postgresql://user:password@host:port/database, not &quot;%1&quot;.</source>
        <translation>服务器 URL 格式应为 postgresql://user:password@host:port/database，而不是“%1”。</translation>
    </message>
    <message>
        <source>The server URL names no database: %1</source>
        <translation>服务器 URL 未指定数据库：%1</translation>
    </message>
    <message>
        <source>The server URL names no user: %1</source>
        <translation>服务器 URL 未指定用户：%1</translation>
    </message>
    <message>
        <source>connect_timeout must be a positive number of seconds, not &quot;%1&quot;.</source>
        <translation>connect_timeout 必须是正数秒数，而不是“%1”。</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>The server URL %1 cannot be read: %2</source>
        <translation>无法读取服务器 URL %1：%2</translation>
    </message>
    <message>
        <source>The server URL gives %1 ports for %2 hosts.</source>
        <translation>服务器 URL 为 %2 个主机给出了 %1 个端口。</translation>
    </message>
    <message>
        <source>The server URL has a port that is not a number from 1 to 65535: &quot;%1&quot;.</source>
        <translation>服务器 URL 中的端口不是 1 到 65535 之间的数字：“%1”。</translation>
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
</context>
<context>
    <name>CounterAuditCheck</name>
    <message>
        <source>Audit entries %1 and %2 both record %3 %4.</source>
        <translation>审计记录 %1 和 %2 都记载了 %3 %4。</translation>
    </message>
    <message>
        <source>%1 differs from what audit entry %2 recorded: %3.</source>
        <translation>%1 与审计记录 %2 所记载的不符：%3。</translation>
    </message>
    <message>
        <source>Refund %1 (receipt %2, %3)</source>
        <translation>退款 %1（凭证 %2，%3）</translation>
    </message>
    <message>
        <source>Payment %1 (receipt %2, %3)</source>
        <translation>收费 %1（凭证 %2，%3）</translation>
    </message>
    <message>
        <source>%1 has no %2 entry in the audit log.</source>
        <translation>%1 在审计日志中没有 %2 记录。</translation>
    </message>
    <message>
        <source>Void %1 of receipt %2</source>
        <translation>凭证 %2 的冲正 %1</translation>
    </message>
    <message>
        <source>Settlement %1 of %2</source>
        <translation>%2 的日结 %1</translation>
    </message>
    <message>
        <source>Audit entry %1 records %2 %3 (%4, %5), but the store has no such row.</source>
        <translation>审计记录 %1 记载了 %2 %3（%4，%5），但数据库中没有这条记录。</translation>
    </message>
    <message>
        <source>Settlement %1 of %2 does not agree with its shift&apos;s payments or with itself: %3.</source>
        <translation>%2 的日结 %1 与该班次的收费或其自身不符：%3。</translation>
    </message>
</context>
<context>
    <name>CounterFeeCheck</name>
    <message>
        <source>the days counted</source>
        <translation>计费天数</translation>
    </message>
    <message>
        <source>the fee the days come to</source>
        <translation>这些天数应计的违约金</translation>
    </message>
    <message>
        <source>more fee paid and waived than was owed</source>
        <translation>已收和已免的违约金超过应收</translation>
    </message>
    <message>
        <source>Bill %1, allocation line %2: %3 do not follow from the bill&apos;s state before it and the rates of its days.</source>
        <translation>账单 %1 的分配行 %2：%3 与该账单此前的状态及各天费率不符。</translation>
    </message>
    <message>
        <source>Bill %1 stands at %2, but its last movement left it at %3.</source>
        <translation>账单 %1 当前为 %2，但其最后一次变动后应为 %3。</translation>
    </message>
</context>
<context>
    <name>CounterService</name>
    <message>
        <source>Bill %1 of account %2 shows %3 paid, but its payments add up to %4.</source>
        <translation>账单 %1（户号 %2）显示已缴 %3，但其缴费记录合计为 %4。</translation>
    </message>
    <message>
        <source>Account %1 has a prepaid balance of %2, but its ledger adds up to %3.</source>
        <translation>户号 %1 的预存余额为 %2，但其预存明细合计为 %3。</translation>
    </message>
    <message>
        <source>The receipts of terminal %1 do not run 1 to %2 without a gap (%3 receipts, numbers %4 to %5, next number %6).</source>
        <translation>终端 %1 的凭证号未从 1 到 %2 连续编号（%3 张凭证，凭证号 %4 至 %5，下一个凭证号 %6）。</translation>
    </message>
    <message>
        <source>Payment %1: its tenders, change, amount and allocations do not agree.</source>
        <translation>缴费 %1：付款方式、找零、金额与分配明细不一致。</translation>
    </message>
    <message>
        <source>Payment %1 has no receipt.</source>
        <translation>缴费 %1 没有收费凭证。</translation>
    </message>
    <message>
        <source>Payment %1: its prepaid lines and the prepaid ledger disagree.</source>
        <translation>缴费 %1：预存明细与预存台账不一致。</translation>
    </message>
    <message>
        <source>Payment %1: its void mark, void record and reverse ledger lines disagree.</source>
        <translation>缴费 %1：冲正标记、冲正记录与冲回台账明细不一致。</translation>
    </message>
    <message>
        <source>The audit log&apos;s chain is broken at entry %1: %2</source>
        <translation>审计日志链在第 %1 条记录处断开：%2</translation>
    </message>
    <message>
        <source>There is no payment %1.</source>
        <translation>缴费记录 %1 不存在。</translation>
    </message>
    <message>
        <source>There is no receipt %1.</source>
        <translation>收费凭证 %1 不存在。</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>户号 %1 不存在。</translation>
    </message>
    <message>
        <source>No late-fee policy is in force on %1: check the setting late_fee.policy.</source>
        <translation>%1 没有生效的违约金规则：请检查设置项 late_fee.policy。</translation>
    </message>
    <message>
        <source>Enter how the customer pays: there is no tender.</source>
        <translation>请录入客户的付款方式：尚无付款明细。</translation>
    </message>
    <message>
        <source>A tender&apos;s amount must be more than zero, not %1.</source>
        <translation>付款金额必须大于零，而不是 %1。</translation>
    </message>
    <message>
        <source>%1 is more than the counter accepts.</source>
        <translation>%1 超出了柜台可受理的金额。</translation>
    </message>
    <message>
        <source>The cash handed over (%1) is less than the cash amount (%2).</source>
        <translation>实收现金（%1）少于现金金额（%2）。</translation>
    </message>
    <message>
        <source>Only cash gives change: a %1 tender pays exactly its amount.</source>
        <translation>只有现金可以找零：%1付款按实际金额支付，不找零。</translation>
    </message>
    <message>
        <source>A %1 payment needs its reference number (4 to 64 letters, digits or -), not &quot;%2&quot;.</source>
        <translation>%1付款需要交易参考号（4 到 64 位字母、数字或 -），而不是“%2”。</translation>
    </message>
    <message>
        <source>A waiver names a bill that is not open on the loaded accounts.</source>
        <translation>减免对应的账单不是已载入户号的未结账单。</translation>
    </message>
    <message>
        <source>A bill has two waivers; give one.</source>
        <translation>同一张账单有两条减免，请只保留一条。</translation>
    </message>
    <message>
        <source>A late-fee waiver needs a reason.</source>
        <translation>违约金减免需要填写原因。</translation>
    </message>
    <message>
        <source>A waiver must charge less than the computed late fee of %1 (and not below zero).</source>
        <translation>减免后应收违约金必须小于计算出的违约金 %1（且不能小于零）。</translation>
    </message>
    <message>
        <source>All waivers of one payment are approved by the same supervisor.</source>
        <translation>同一笔缴费的所有减免须由同一位主管审批。</translation>
    </message>
    <message>
        <source>The payment has no UUID.</source>
        <translation>该缴费没有 UUID。</translation>
    </message>
    <message>
        <source>Account %1 is listed twice.</source>
        <translation>户号 %1 重复列出。</translation>
    </message>
    <message>
        <source>Load at least one account before taking a payment.</source>
        <translation>请先载入至少一个户号再收费。</translation>
    </message>
    <message>
        <source>The UUID %1 belongs to a refund, not a payment.</source>
        <translation>UUID %1 属于一笔退款，而不是缴费。</translation>
    </message>
    <message>
        <source>Account %1 is closed and takes no payments.</source>
        <translation>户号 %1 已销户，不能缴费。</translation>
    </message>
    <message>
        <source>The account changed since it was loaded (due now %1, shown %2); reload it.</source>
        <translation>该户载入后已发生变化（当前应缴 %1，显示为 %2），请重新载入。</translation>
    </message>
    <message>
        <source>The settlement has no UUID.</source>
        <translation>该日结没有 UUID。</translation>
    </message>
    <message>
        <source>%1 is not a note or coin the drawer counts.</source>
        <translation>%1 不是钱箱清点的券别。</translation>
    </message>
    <message>
        <source>%1 is counted twice.</source>
        <translation>%1 重复清点。</translation>
    </message>
    <message>
        <source>The count of %1 must be between 0 and 1,000,000.</source>
        <translation>%1 的张数必须在 0 到 1,000,000 之间。</translation>
    </message>
    <message>
        <source>The %1 total cannot be negative.</source>
        <translation>%1 合计不能为负数。</translation>
    </message>
    <message>
        <source>Your shift of %1 is settled already.</source>
        <translation>您 %1 的班次已日结。</translation>
    </message>
    <message>
        <source>What you counted differs from what the shift took: give a reason, and a supervisor approves it.</source>
        <translation>实点金额与本班次应收不符：请填写原因，并由主管审批。</translation>
    </message>
    <message>
        <source>There is no settlement %1.</source>
        <translation>日结 %1 不存在。</translation>
    </message>
    <message>
        <source>This store is not set up for a hall and terminal (%1 %2): run halldeskctl init first.</source>
        <translation>此数据库尚未设置营业厅和终端（%1 %2）：请先运行 halldeskctl init。</translation>
    </message>
    <message>
        <source>Your shift of %1 is settled (日结): it takes no more payments, voids or refunds.</source>
        <translation>您 %1 的班次已日结：不能再收费、冲正或退款。</translation>
    </message>
    <message>
        <source>This needs a supervisor&apos;s approval: the supervisor signs in with their own code.</source>
        <translation>此操作需要主管审批：由主管用自己的工号登录确认。</translation>
    </message>
    <message>
        <source>The approving operator does not exist.</source>
        <translation>审批操作员不存在。</translation>
    </message>
    <message>
        <source>%1 is disabled and cannot approve.</source>
        <translation>%1 已停用，不能审批。</translation>
    </message>
    <message>
        <source>%1 is not a supervisor: only a supervisor can approve this.</source>
        <translation>%1 不是主管：只有主管可以审批此项。</translation>
    </message>
    <message>
        <source>You cannot approve your own request: another person, a supervisor, has to approve it.</source>
        <translation>不能审批自己的申请：须由另一人（主管）审批。</translation>
    </message>
    <message>
        <source>A void needs a reason.</source>
        <translation>冲正需要填写原因。</translation>
    </message>
    <message>
        <source>Receipt %1 is a refund; a refund is not voided.</source>
        <translation>凭证 %1 是退款凭证；退款不能冲正。</translation>
    </message>
    <message>
        <source>The payment of receipt %1 is voided already.</source>
        <translation>凭证 %1 对应的缴费已冲正。</translation>
    </message>
    <message>
        <source>Receipt %1 is of %2: only a payment of today (%3) can be voided; later corrections are refunds or adjustments.</source>
        <translation>凭证 %1 属于 %2：只能冲正当天（%3）的缴费；以后的更正请办理退款或调账。</translation>
    </message>
    <message>
        <source>The shift of receipt %1 is settled (日结); its payments can no longer be voided.</source>
        <translation>凭证 %1 所属班次已日结，其缴费不能再冲正。</translation>
    </message>
    <message>
        <source>The prepaid balance of %1 was spent meanwhile; the payment cannot be voided.</source>
        <translation>户号 %1 的预存余额已被使用，该缴费不能冲正。</translation>
    </message>
    <message>
        <source>A refund must be more than zero, not %1.</source>
        <translation>退款金额必须大于零，而不是 %1。</translation>
    </message>
    <message>
        <source>A refund needs a reason.</source>
        <translation>退款需要填写原因。</translation>
    </message>
    <message>
        <source>The prepaid balance of %1 is %2; %3 cannot be refunded.</source>
        <translation>户号 %1 的预存余额为 %2，不能退款 %3。</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>tenders</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>waivers</source>
        <translation>违约金减免</translation>
    </message>
    <message>
        <source>receipt mode</source>
        <translation>凭证方式</translation>
    </message>
    <message>
        <source>The UUID %1 belongs to a payment recorded with another %2; a new payment needs a new UUID.</source>
        <translation>UUID %1 已用于另一笔缴费，其%2不同；新的缴费需要新的 UUID。</translation>
    </message>
    <message>
        <source>Bill %1 of account %2 is issued on %3, after today&apos;s business date %4: check the hall&apos;s clock and the bill.</source>
        <translation>户号 %2 的账单 %1 发行日期为 %3，晚于今天的营业日 %4：请检查营业厅的时钟和该账单。</translation>
    </message>
    <message>
        <source>%1 does not hold the counter clerk role: only a clerk takes or pays out money.</source>
        <translation>%1 没有收费员角色：只有收费员才能收款或付款。</translation>
    </message>
    <message>
        <source>Receipt %1 was taken by %2 at another drawer: only the clerk who took a payment voids it, at the same terminal.</source>
        <translation>凭证 %1 由 %2 在另一个钱箱收取：只有收款的收费员本人才能在同一终端冲正。</translation>
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
        <source>The store has no trigger %1; this demo generator does not match its schema.</source>
        <translation>数据库中没有触发器 %1；此演示数据生成器与数据库结构不匹配。</translation>
    </message>
    <message>
        <source>The demo store cannot be switched to WAL mode.</source>
        <translation>无法将演示数据库切换到 WAL 模式。</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Choose one in the print preview, or ask the administrator to install the receipt printer.</source>
        <translation>本机未设置打印机。请在打印预览中选择打印机，或请管理员安装凭证打印机。</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>There is no printer &quot;%1&quot; on this computer.</source>
        <translation>本机没有打印机“%1”。</translation>
    </message>
    <message>
        <source>No printer is set up on this computer.</source>
        <translation>本机未设置打印机。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; cannot be opened.</source>
        <translation>无法打开打印机“%1”。</translation>
    </message>
    <message>
        <source>Printing &quot;%1&quot; failed.</source>
        <translation>打印“%1”失败。</translation>
    </message>
    <message>
        <source>No printer installed</source>
        <translation>未安装打印机</translation>
    </message>
    <message>
        <source>This computer has no printer yet: ask the administrator to install the receipt printer. Print can still write a PDF file.</source>
        <translation>本机尚无打印机：请管理员安装凭证打印机。“打印”仍可输出为 PDF 文件。</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>打印机(&amp;P)：</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>纸张(&amp;A)：</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>EncryptedVolume</name>
    <message>
        <source>%1 (%2 on %3) is on an encrypted device: %4.</source>
        <translation>%1（%3 上的 %2）位于加密设备上：%4。</translation>
    </message>
    <message>
        <source>The store&apos;s folder is encrypted with fscrypt (%1 on %2).</source>
        <translation>数据库所在文件夹已用 fscrypt 加密（%2 上的 %1）。</translation>
    </message>
    <message>
        <source>%1 (%2 on %3) is not on an encrypted device: %4.</source>
        <translation>%1（%3 上的 %2）不在加密设备上：%4。</translation>
    </message>
    <message>
        <source>HallDesk cannot tell whether the store&apos;s file system is encrypted: %1.</source>
        <translation>HallDesk 无法判断数据库所在的文件系统是否加密：%1。</translation>
    </message>
    <message>
        <source>%1 cannot be examined</source>
        <translation>无法检查 %1</translation>
    </message>
    <message>
        <source>fscrypt</source>
        <translation>fscrypt</translation>
    </message>
    <message>
        <source>device %1:%2 is not in /proc/self/mountinfo</source>
        <translation>设备 %1:%2 不在 /proc/self/mountinfo 中</translation>
    </message>
    <message>
        <source>%1 is not a block device</source>
        <translation>%1 不是块设备</translation>
    </message>
    <message>
        <source>dm-crypt under %1</source>
        <translation>%1 之下有 dm-crypt 加密</translation>
    </message>
    <message>
        <source>no dm-crypt under %1</source>
        <translation>%1 之下没有 dm-crypt 加密</translation>
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
    <message>
        <source>Pay at the counter  (Ctrl+Enter)</source>
        <translation>柜台缴费  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Arrears %1 + late fee %2 − prepaid %3
as of %4</source>
        <translation>欠费 %1 + 违约金 %2 − 预存 %3
截至 %4</translation>
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
    <name>HallDesk::ApprovalDialog</name>
    <message>
        <source>A supervisor types their own code and password</source>
        <translation>由主管输入自己的工号和密码</translation>
    </message>
    <message>
        <source>Why, in a few words (required)</source>
        <translation>简要说明原因（必填）</translation>
    </message>
    <message>
        <source>Supervisor&apos;s operator code</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Supervisor &amp;code</source>
        <translation>主管工号(&amp;C)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Enter the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>The supervisor enters their operator code.</source>
        <translation>请主管输入工号。</translation>
    </message>
    <message>
        <source>Approval needs a second person: a supervisor other than you.</source>
        <translation>审批需要第二人：由您以外的主管审批。</translation>
    </message>
    <message>
        <source>The supervisor enters their password.</source>
        <translation>请主管输入密码。</translation>
    </message>
    <message>
        <source>The approval was refused.</source>
        <translation>审批被拒绝。</translation>
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
    <message>
        <source>Check ID card…</source>
        <translation>核验身份证…</translation>
    </message>
    <message>
        <source>Compare the customer&apos;s ID card with the account at the centre. The cache keeps only the first six and last four characters.</source>
        <translation>由中心核对客户出示的身份证是否与本户一致。本地只保存身份证号的前六位和后四位。</translation>
    </message>
    <message>
        <source>Check ID card</source>
        <translation>核验身份证</translation>
    </message>
    <message>
        <source>The number on the customer&apos;s ID card (account %1, %2):</source>
        <translation>客户出示的身份证号码（户号 %1，%2）：</translation>
    </message>
</context>
<context>
    <name>HallDesk::CounterScreen</name>
    <message>
        <source>Amount due</source>
        <translation>应缴金额</translation>
    </message>
    <message>
        <source>户号 or bill barcode, Enter</source>
        <translation>户号或账单条码，按 Enter</translation>
    </message>
    <message>
        <source>Type or scan a 户号 or a bill barcode and press Enter. Another 户号 adds an account to the payment. Ctrl+K comes back here.</source>
        <translation>输入或扫描户号或账单条码后按 Enter。再输入其他户号可将该户加入本次缴费。按 Ctrl+K 返回此处。</translation>
    </message>
    <message>
        <source>+ Payer group  Ctrl+G</source>
        <translation>+ 付款组  Ctrl+G</translation>
    </message>
    <message>
        <source>Adds the other accounts of the loaded account&apos;s payer group (集团户)</source>
        <translation>加入已载入户号所属付款组（集团户）的其他户号</translation>
    </message>
    <message>
        <source>Next customer  Ctrl+N</source>
        <translation>下一位客户  Ctrl+N</translation>
    </message>
    <message>
        <source>Settle shift…  F12</source>
        <translation>日结…  F12</translation>
    </message>
    <message>
        <source>Oldest first, the order a payment settles them</source>
        <translation>按账期从早到晚排列，即缴费核销的顺序</translation>
    </message>
    <message>
        <source>Ctrl+B moves into the bills; Ctrl+E waives the selected bill&apos;s late fee</source>
        <translation>Ctrl+B 进入账单列表；Ctrl+E 减免所选账单的违约金</translation>
    </message>
    <message>
        <source>Waive late fee…  Ctrl+E</source>
        <translation>减免违约金…  Ctrl+E</translation>
    </message>
    <message>
        <source>Open bills</source>
        <translation>未结账单</translation>
    </message>
    <message>
        <source>No open bills</source>
        <translation>无未结账单</translation>
    </message>
    <message>
        <source>Open bills (%1)</source>
        <translation>未结账单（%1）</translation>
    </message>
    <message>
        <source>Account %1 is loaded already.</source>
        <translation>户号 %1 已载入。</translation>
    </message>
    <message>
        <source>Finish or clear (Ctrl+N) the payment under way before adding an account.</source>
        <translation>请先完成或清除（Ctrl+N）当前缴费，再添加户号。</translation>
    </message>
    <message>
        <source>Load an account of the payer group first.</source>
        <translation>请先载入付款组中的一个户号。</translation>
    </message>
    <message>
        <source>Account %1 belongs to no payer group with other accounts.</source>
        <translation>户号 %1 不属于包含其他户号的付款组。</translation>
    </message>
    <message>
        <source>Finish or clear (Ctrl+N) the payment under way before adding accounts.</source>
        <translation>请先完成或清除（Ctrl+N）当前缴费，再添加户号。</translation>
    </message>
    <message numerus="yes">
        <source>Added %n account(s) of the payer group.</source>
        <translation>
            <numerusform>已加入付款组的 %n 个户号。</numerusform>
        </translation>
    </message>
    <message>
        <source>Type or scan a 户号 and press Enter.</source>
        <translation>输入或扫描户号后按 Enter。</translation>
    </message>
    <message>
        <source>Principal %1</source>
        <translation>电费本金 %1</translation>
    </message>
    <message>
        <source>late fee %1</source>
        <translation>违约金 %1</translation>
    </message>
    <message>
        <source>waived %1</source>
        <translation>减免 %1</translation>
    </message>
    <message>
        <source>prepaid −%1</source>
        <translation>预存抵扣 −%1</translation>
    </message>
    <message>
        <source>Nothing due: a payment goes to the prepaid balance.</source>
        <translation>无欠费：本次缴费将转入预存余额。</translation>
    </message>
    <message>
        <source>prepaid %1</source>
        <translation>预存 %1</translation>
    </message>
    <message>
        <source>disconnected for arrears</source>
        <translation>欠费停电</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>Load an account first: type or scan its 户号 and press Enter.</source>
        <translation>请先载入户号：输入或扫描户号后按 Enter。</translation>
    </message>
    <message>
        <source>Enter how the customer pays first: F5 cash, F6 card, F7 QR, F8 transfer.</source>
        <translation>请先录入付款方式：F5 现金，F6 刷卡，F7 扫码，F8 转账。</translation>
    </message>
    <message>
        <source>Paid %1 — receipt %2.</source>
        <translation>已收 %1 — 凭证号 %2。</translation>
    </message>
    <message>
        <source>Change %1.</source>
        <translation>找零 %1。</translation>
    </message>
    <message>
        <source>Prepaid balance of %1 now %2.</source>
        <translation>户号 %1 的预存余额现为 %2。</translation>
    </message>
    <message>
        <source>The amounts due were read again; enter the payment again.</source>
        <translation>应缴金额已重新读取，请重新录入缴费。</translation>
    </message>
    <message>
        <source>No loaded bill carries a late fee today.</source>
        <translation>已载入的账单今天均无违约金。</translation>
    </message>
    <message>
        <source>Waive a late fee (违约金减免)</source>
        <translation>违约金减免</translation>
    </message>
    <message>
        <source>Account %1, bill %2 (due %3): the late fee today is %4 for %5 overdue days. Enter the fee still to be charged (0.00 waives it in full).</source>
        <translation>户号 %1，账单 %2（截止日 %3）：今日违约金为 %4，逾期 %5 天。请输入仍应收取的违约金（0.00 为全额减免）。</translation>
    </message>
    <message>
        <source>&amp;Late fee charged</source>
        <translation>应收违约金(&amp;L)</translation>
    </message>
    <message>
        <source>The fee charged must be less than the computed fee %1.</source>
        <translation>应收违约金必须小于计算出的违约金 %1。</translation>
    </message>
    <message>
        <source>Late fee of %1 %2 reduced from %3 to %4, approved by %5. It is written with the payment.</source>
        <translation>户号 %1 账期 %2 的违约金由 %3 减为 %4，审批人 %5。将随本次缴费一并记录。</translation>
    </message>
    <message>
        <source>No loaded account has a prepaid balance to refund.</source>
        <translation>已载入的户号均无可退的预存余额。</translation>
    </message>
    <message>
        <source>Finish or clear (Ctrl+N) the payment under way before a refund.</source>
        <translation>请先完成或清除（Ctrl+N）当前缴费，再办理退款。</translation>
    </message>
    <message>
        <source>Refund prepaid balance</source>
        <translation>预存余额退款</translation>
    </message>
    <message>
        <source>Account %1 (%2) has a prepaid balance of %3. The refund is paid out in cash from the drawer and takes a receipt number.</source>
        <translation>户号 %1（%2）的预存余额为 %3。退款从钱箱以现金支付，并占用一个凭证号。</translation>
    </message>
    <message>
        <source>&amp;Amount to pay out</source>
        <translation>退款金额(&amp;A)</translation>
    </message>
    <message>
        <source>The refund must be more than zero and at most the balance %1.</source>
        <translation>退款金额必须大于零，且不超过余额 %1。</translation>
    </message>
    <message>
        <source>Refunded %1 from the prepaid balance of %2 — receipt %3. Pay it out from the drawer; the balance is now %4.</source>
        <translation>已从户号 %2 的预存余额退款 %1 — 凭证号 %3。请从钱箱付出现金；余额现为 %4。</translation>
    </message>
    <message>
        <source>Finish or clear (Ctrl+N) the payment under way before settling.</source>
        <translation>请先完成或清除（Ctrl+N）当前缴费，再办理日结。</translation>
    </message>
    <message numerus="yes">
        <source>Shift settled: %n payment(s), variance %1. This shift takes no more payments.</source>
        <translation>
            <numerusform>班次已日结：%n 笔缴费，差额 %1。本班次不能再收费。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HallDesk::Desk</name>
    <message>
        <source>Customer data at rest</source>
        <translation>客户数据存储安全</translation>
    </message>
</context>
<context>
    <name>HallDesk::DueBillModel</name>
    <message>
        <source>%1 (waived from %2)</source>
        <translation>%1（原 %2，已减免）</translation>
    </message>
    <message>
        <source>%1 (%2 d)</source>
        <translation>%1（%2 天）</translation>
    </message>
    <message>
        <source>%1 overdue days, policy %2 version %3. Ctrl+E waives or reduces it (supervisor).</source>
        <translation>逾期 %1 天，违约金规则 %2 第 %3 版。按 Ctrl+E 减免或减少（需主管审批）。</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>电费年月</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>缴费截止日</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Late fee today</source>
        <translation>当日违约金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>HallDesk::FillProgressDialog</name>
    <message>
        <source>Filling this terminal from the central server</source>
        <translation>正在从中心服务器初始化本终端</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopping after the rows under way…</source>
        <translation>正在处理的数据完成后即停止…</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Late-fee policies</source>
        <translation>违约金规则</translation>
    </message>
    <message>
        <source>Late-fee rates</source>
        <translation>违约金费率</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Transformer areas</source>
        <translation>台区</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Payer groups</source>
        <translation>付款组</translation>
    </message>
    <message>
        <source>Payer group members</source>
        <translation>付款组成员</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Everything has been copied. Building the search index of the accounts…</source>
        <translation>数据已全部复制。正在建立用户的搜索索引…</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <source>The hall&apos;s accounts and bills are being copied from the central server into this terminal&apos;s store.
%1: %2 rows so far.</source>
        <translation>正在从中心服务器把本营业厅的用户和账单复制到本终端的本地数据库。
%1：已复制 %2 行。</translation>
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
    <message>
        <source>Pay this account</source>
        <translation>为此户缴费</translation>
    </message>
    <message>
        <source>Open the counter with the account in the lookup or the account view (Ctrl+Enter)</source>
        <translation>以查询结果或户详情中的户号打开收费柜台 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printed receipt %1.</source>
        <translation>已打印收费凭证 %1。</translation>
    </message>
    <message>
        <source>The settlement is recorded; no printer to print its report on.</source>
        <translation>日结已记录；没有可打印日结报表的打印机。</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Send the pending events to the central server and fetch its changes now (Ctrl+Shift+S)</source>
        <translation>立即把待上传的事件发送到中心服务器并取回其变更（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Central server…</source>
        <translation>中心服务器…</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <source>Print receipt again</source>
        <translation>重打凭证</translation>
    </message>
    <message>
        <source>Prints the receipt selected in today&apos;s payments (the newest when none is) again, marked 重打 (Ctrl+P)</source>
        <translation>重新打印今日收费中所选缴费的凭证（未选择时为最新一笔），标注“重打”（Ctrl+P）</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Shows the receipt selected in today&apos;s payments with the choice of printer and paper (Ctrl+Shift+P)</source>
        <translation>显示今日收费中所选缴费的凭证，可选择打印机和纸张（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Printers and paper…</source>
        <translation>打印机与纸张…</translation>
    </message>
    <message>
        <source>Printer settings saved.</source>
        <translation>打印设置已保存。</translation>
    </message>
    <message>
        <source>Receipt %1 is recorded; no receipt printer.</source>
        <translation>凭证 %1 已记录；未设置凭证打印机。</translation>
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
    <name>HallDesk::PrinterSettingsDialog</name>
    <message>
        <source>Printers and paper</source>
        <translation>打印机与纸张</translation>
    </message>
    <message>
        <source>&amp;Receipt printer:</source>
        <translation>凭证打印机(&amp;R)：</translation>
    </message>
    <message>
        <source>Receipt &amp;paper:</source>
        <translation>凭证纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>Re&amp;port printer:</source>
        <translation>报表打印机(&amp;O)：</translation>
    </message>
    <message>
        <source>These settings belong to this computer. A receipt prints at once on the receipt printer after each payment; without one, the print preview opens so that a printer can be chosen there.</source>
        <translation>这些设置只对本机有效。每笔收费后凭证立即在凭证打印机上打印；未设置时会打开打印预览，可在其中选择打印机。</translation>
    </message>
    <message>
        <source>This computer has no printer installed yet: install the receipt printer first (CUPS).</source>
        <translation>本机尚未安装打印机：请先安装凭证打印机（CUPS）。</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1（未安装）</translation>
    </message>
</context>
<context>
    <name>HallDesk::PrivateFiles</name>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make %1 private: %2</source>
        <translation>无法将 %1 设为仅本人可读写：%2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <translation>无法创建文件夹 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 private: %2</source>
        <translation>无法将文件夹 %1 设为仅本人可访问：%2</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
</context>
<context>
    <name>HallDesk::RejectedEventModel</name>
    <message>
        <source>Reviewed (%1)</source>
        <translation>已复核（%1）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Account(s)</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Centre&apos;s reason</source>
        <translation>中心拒收原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>HallDesk::RejectedEventsScreen</name>
    <message>
        <source>Show reviewed &amp;too</source>
        <translation>同时显示已复核(&amp;T)</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>重新上传(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;reviewed…</source>
        <translation>标记为已复核(&amp;R)…</translation>
    </message>
    <message>
        <source>Events rejected by the centre</source>
        <translation>被中心拒收的事件</translation>
    </message>
    <message>
        <source>Also list the events a supervisor marked reviewed (Alt+T)</source>
        <translation>同时列出主管已标记为已复核的事件（Alt+T）</translation>
    </message>
    <message>
        <source>Puts the selected event back in the queue: the centre judges it again once it was corrected (for example, the account was created there). Alt+A</source>
        <translation>把所选事件放回待上传队列：中心数据更正后（例如中心已建立该户）会重新审核。Alt+A</translation>
    </message>
    <message>
        <source>Keeps the selected event rejected and takes it off the open list, with your note. Alt+R</source>
        <translation>所选事件仍为被拒状态，附上您的说明后移出待处理列表。Alt+R</translation>
    </message>
    <message>
        <source>Every event this terminal sent was accepted, or is still waiting to be sent. Events the central server refuses appear here; nothing is dropped.</source>
        <translation>本终端上传的事件均已被中心接收，或仍在等待上传。被中心服务器拒收的事件会显示在这里，不会被丢弃。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) refused by the central server wait for a supervisor. Correct the cause at the centre and send the event again, or mark it reviewed with a note.</source>
        <translation>
            <numerusform>%n 条被中心服务器拒收的事件待主管处理。请在中心更正原因后重新上传，或填写说明后标记为已复核。</numerusform>
        </translation>
    </message>
    <message>
        <source>The centre has not rejected any event of this terminal.</source>
        <translation>中心没有拒收过本终端的任何事件。</translation>
    </message>
    <message>
        <source>No open rejected events.</source>
        <translation>没有待处理的被拒事件。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 的%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Select the event to send again.</source>
        <translation>请选择要重新上传的事件。</translation>
    </message>
    <message>
        <source>%1 is queued and goes to the centre with the next sync round.</source>
        <translation>%1 已放回队列，将在下一轮同步时上传到中心。</translation>
    </message>
    <message>
        <source>Send a rejected event again</source>
        <translation>重新上传被拒事件</translation>
    </message>
    <message>
        <source>Send %1 to the centre again? The centre rejected it: %2. Do this once the cause was corrected at the centre.</source>
        <translation>要把%1重新上传到中心吗？中心的拒收原因：%2。请在中心更正原因后再操作。</translation>
    </message>
    <message>
        <source>Select the event to mark reviewed.</source>
        <translation>请选择要标记为已复核的事件。</translation>
    </message>
    <message>
        <source>%1 stays rejected and leaves the open list. The centre said: %2</source>
        <translation>%1 仍为被拒状态，将移出待处理列表。中心的拒收原因：%2</translation>
    </message>
    <message>
        <source>Mark a rejected event reviewed</source>
        <translation>将被拒事件标记为已复核</translation>
    </message>
    <message>
        <source>The reason is kept as the review note.</source>
        <translation>填写的原因将作为复核说明保存。</translation>
    </message>
    <message>
        <source>%1 is marked reviewed.</source>
        <translation>%1 已标记为已复核。</translation>
    </message>
</context>
<context>
    <name>HallDesk::ReviewNoteDialog</name>
    <message>
        <source>Mark a rejected event reviewed</source>
        <translation>将被拒事件标记为已复核</translation>
    </message>
    <message>
        <source>&amp;Note (required): what you found and what was done</source>
        <translation>说明（必填）：查明的情况和处理结果(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. the customer paid twice; refunded at the counter on receipt …</source>
        <translation>例如：客户重复缴费，已在柜台凭凭证号……退款</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>标记为已复核</translation>
    </message>
    <message>
        <source>Write the note first: what was found, and what was done about it.</source>
        <translation>请先填写说明：查明的情况和处理结果。</translation>
    </message>
</context>
<context>
    <name>HallDesk::Screens</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>The account last opened (F3)</source>
        <translation>最近打开的账户（F3）</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>柜台收费</translation>
    </message>
    <message>
        <source>Take payments (F4)</source>
        <translation>收费（F4）</translation>
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
        <source>Rejected events</source>
        <translation>被拒事件</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒事件</translation>
    </message>
    <message>
        <source>Events the central server rejected, for a supervisor (Ctrl+F5)</source>
        <translation>被中心服务器拒收的事件，供主管处理（Ctrl+F5）</translation>
    </message>
</context>
<context>
    <name>HallDesk::SettlementDialog</name>
    <message>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
    <message>
        <source>&amp;Blind count: hide the expected totals until the count is submitted</source>
        <translation>盲点(&amp;B)：提交点钞结果前不显示应收金额</translation>
    </message>
    <message>
        <source>Settle the shift (日结)</source>
        <translation>班次日结</translation>
    </message>
    <message>
        <source>Settlement of %1 (%2), terminal %3, business date %4</source>
        <translation>收费员 %1（%2）日结，终端 %3，营业日期 %4</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s), </source>
        <translation>
            <numerusform>%n 笔缴费，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voided, </source>
        <translation>
            <numerusform>%n 笔冲正，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refund(s)</source>
        <translation>
            <numerusform>%n 笔退款</numerusform>
        </translation>
    </message>
    <message>
        <source> · receipts %1 to %2</source>
        <translation> · 凭证号 %1 至 %2</translation>
    </message>
    <message>
        <source>Cash in the drawer</source>
        <translation>钱箱现金</translation>
    </message>
    <message>
        <source>Per tender</source>
        <translation>分方式</translation>
    </message>
    <message>
        <source>Submit count</source>
        <translation>提交点钞结果</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>张数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>现金合计</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Difference in all</source>
        <translation>总差额</translation>
    </message>
    <message>
        <source>Blind count: what the shift took shows once you submit the count.</source>
        <translation>盲点：提交点钞结果后显示本班次应收金额。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The count differs from what the shift took by %1. A supervisor approves the difference with a reason.</source>
        <translation>实点金额与本班次应收相差 %1。需由主管审批差额并填写原因。</translation>
    </message>
    <message>
        <source>Approve a settlement difference</source>
        <translation>审批日结差额</translation>
    </message>
    <message>
        <source>Shift of %1 on %2: counted differs from expected by %3.</source>
        <translation>%1 在 %2 的班次：实点与应收相差 %3。</translation>
    </message>
    <message>
        <source>Ask for approval again</source>
        <translation>重新申请审批</translation>
    </message>
</context>
<context>
    <name>HallDesk::ShiftPanel</name>
    <message>
        <source>Void…  F11</source>
        <translation>冲正…  F11</translation>
    </message>
    <message>
        <source>Reprint  Ctrl+P</source>
        <translation>重打  Ctrl+P</translation>
    </message>
    <message>
        <source>Prints the selected payment&apos;s receipt again, marked 重打 (Ctrl+P; Ctrl+Shift+P shows a print preview)</source>
        <translation>重新打印所选缴费的收费凭证，标注“重打”（Ctrl+P；Ctrl+Shift+P 显示打印预览）</translation>
    </message>
    <message>
        <source>Voids (冲正) the selected payment of today, with a supervisor&apos;s approval (F11)</source>
        <translation>冲正所选的当天缴费，需主管审批 (F11)</translation>
    </message>
    <message>
        <source>Today&apos;s payments</source>
        <translation>今日收费</translation>
    </message>
    <message>
        <source>Ctrl+T moves into the list</source>
        <translation>按 Ctrl+T 进入列表</translation>
    </message>
    <message>
        <source>Today&apos;s payments (%1)</source>
        <translation>今日收费（%1）</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>合计 %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n voided</source>
        <translation>
            <numerusform> · 冲正 %n 笔</numerusform>
        </translation>
    </message>
    <message>
        <source> · settled, no more payments on this shift</source>
        <translation> · 已日结，本班次不能再收费</translation>
    </message>
    <message>
        <source>Select the payment to void in today&apos;s payments (Ctrl+T).</source>
        <translation>请在今日收费中选择要冲正的缴费（Ctrl+T）。</translation>
    </message>
    <message>
        <source>Receipt %1 is voided already.</source>
        <translation>凭证 %1 已冲正。</translation>
    </message>
    <message>
        <source>Void receipt %1 of %2 (account %3)? The bills and prepaid balances return to their state before the payment; the receipt stays on record, marked void. Hand the money back to the customer.</source>
        <translation>冲正凭证 %1（金额 %2，户号 %3）？账单和预存余额将恢复到缴费前的状态；凭证保留记录并标记为作废。请将款项退还客户。</translation>
    </message>
    <message>
        <source>Void a payment (冲正)</source>
        <translation>缴费冲正</translation>
    </message>
    <message>
        <source>Voided receipt %1: %2 to hand back, approved by %3.</source>
        <translation>已冲正凭证 %1：应退还 %2，审批人 %3。</translation>
    </message>
    <message>
        <source>No payment today yet whose receipt could be printed again.</source>
        <translation>今天还没有可重打凭证的缴费。</translation>
    </message>
</context>
<context>
    <name>HallDesk::ShiftPaymentModel</name>
    <message>
        <source>Voided</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
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
    <name>HallDesk::SyncSettingsDialog</name>
    <message>
        <source>Central server</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>postgresql://role:password@host:5432/database</source>
        <translation>postgresql://角色:密码@主机:5432/数据库</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Leave empty to work offline without a central server.</source>
        <translation>留空则不连接中心服务器，离线工作。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>HallDesk::SyncStatusLabel</name>
    <message>
        <source>Sync off</source>
        <translation>同步未启用</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <source>Syncing %1 %2%</source>
        <translation>正在同步 %1 %2%</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n 条待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n 条被拒</numerusform>
        </translation>
    </message>
    <message>
        <source>Central server: %1</source>
        <translation>中心服务器：%1</translation>
    </message>
    <message>
        <source>No central server is set up: this terminal works offline.</source>
        <translation>未设置中心服务器：本终端离线工作。</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n seconds.</source>
        <translation>
            <numerusform>%n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) rejected by the centre wait for your review: Sync → Rejected events (Ctrl+F5).</source>
        <translation>
            <numerusform>%n 条被中心拒收的事件待您处理：同步 → 被拒事件（Ctrl+F5）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) rejected by the centre wait for a supervisor&apos;s review.</source>
        <translation>
            <numerusform>%n 条被中心拒收的事件待主管处理。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HallDesk::SyncWorker</name>
    <message>
        <source>Connected to %1 (sync API version %2).</source>
        <translation>已连接到 %1（同步接口版本 %2）。</translation>
    </message>
    <message>
        <source>The last round was cancelled; the next one goes on from where it stopped.</source>
        <translation>上一轮同步已取消；下一轮将从中断处继续。</translation>
    </message>
</context>
<context>
    <name>HallDesk::TenderPanel</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Receipts  Ctrl+R</source>
        <translation>凭证  Ctrl+R</translation>
    </message>
    <message>
        <source>Pay by %1 (%2)</source>
        <translation>%1付款 (%2)</translation>
    </message>
    <message>
        <source>money handed over</source>
        <translation>实收金额</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Tendered</source>
        <translation>实收(&amp;T)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Tender lines of a split payment; Delete removes the selected line.</source>
        <translation>组合付款的付款明细；按 Delete 删除所选行。</translation>
    </message>
    <message>
        <source>One combined receipt</source>
        <translation>合并开具一张凭证</translation>
    </message>
    <message>
        <source>One receipt per account</source>
        <translation>每户开具一张凭证</translation>
    </message>
    <message>
        <source>Ctrl+R switches</source>
        <translation>Ctrl+R 切换</translation>
    </message>
    <message>
        <source>Take payment  (F9)</source>
        <translation>确认收费  (F9)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>交易参考号(&amp;R)</translation>
    </message>
    <message>
        <source>POS trace / reference number</source>
        <translation>POS 流水号/交易参考号</translation>
    </message>
    <message>
        <source>&amp;Order no.</source>
        <translation>订单号(&amp;O)</translation>
    </message>
    <message>
        <source>WeChat Pay / Alipay order number</source>
        <translation>微信支付/支付宝订单号</translation>
    </message>
    <message>
        <source>transfer or cheque reference</source>
        <translation>转账或支票参考号</translation>
    </message>
    <message>
        <source>Enter the amount, or choose a method (F5–F8) to fill in what is due.</source>
        <translation>请输入金额，或选择付款方式（F5–F8）自动填入应缴金额。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>The money handed over (%1) is less than the amount (%2).</source>
        <translation>实收金额（%1）少于应付金额（%2）。</translation>
    </message>
    <message>
        <source>Enter the order number of the QR payment.</source>
        <translation>请输入扫码支付的订单号。</translation>
    </message>
    <message>
        <source>Enter the reference number of the %1 payment.</source>
        <translation>请输入%1付款的交易参考号。</translation>
    </message>
    <message>
        <source>There is a cash line already; delete it (Delete in the list) to enter the cash again.</source>
        <translation>已有一行现金付款；如需重新录入现金，请先删除该行（在列表中按 Delete）。</translation>
    </message>
    <message>
        <source>Change to hand back</source>
        <translation>应找零</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>remaining %1</source>
        <translation>尚余 %1</translation>
    </message>
    <message>
        <source>No tender yet</source>
        <translation>尚无付款</translation>
    </message>
    <message>
        <source>Entered %1</source>
        <translation>已录入 %1</translation>
    </message>
    <message>
        <source>Surplus %1 → prepaid balance</source>
        <translation>多收 %1 → 转入预存余额</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>应缴 %1</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>已足额</translation>
    </message>
    <message>
        <source>Remaining %1</source>
        <translation>尚欠 %1</translation>
    </message>
</context>
<context>
    <name>IdCardCheck</name>
    <message>
        <source>Enter the number on the ID card.</source>
        <translation>请输入身份证上的号码。</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>户号 %1 不存在。</translation>
    </message>
    <message>
        <source>no central server is set up</source>
        <translation>未设置中心服务器</translation>
    </message>
    <message>
        <source>The centre confirms: this ID card belongs to the account holder.</source>
        <translation>中心确认：此身份证与户主一致。</translation>
    </message>
    <message>
        <source>The centre says: this ID card does NOT belong to the account holder.</source>
        <translation>中心答复：此身份证与户主不一致。</translation>
    </message>
    <message>
        <source>The centre refused: this counter has used its ID card checks for this hour. Check the card by eye, or ask a supervisor to check it from another counter later.</source>
        <translation>中心拒绝核验：本柜台本小时的身份证核验次数已用完。请人工查验证件，或稍后请主管在其他柜台核验。</translation>
    </message>
    <message>
        <source>The centre cannot be reached. Offline only the first six and last four characters can be compared, and they match; the digits between were not checked.</source>
        <translation>无法连接中心。离线时只能比对前六位和后四位，这些位一致；中间的数字未经核对。</translation>
    </message>
    <message>
        <source>The centre cannot be reached. Offline only the first six and last four characters can be compared, and they do NOT match this card.</source>
        <translation>无法连接中心。离线时只能比对前六位和后四位，这些位与此身份证不一致。</translation>
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
    <name>Paper</name>
    <message>
        <source>80 mm roll</source>
        <translation>80 毫米卷纸</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 毫米卷纸</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>The QR code cannot hold &quot;%1&quot;.</source>
        <translation>二维码无法容纳“%1”。</translation>
    </message>
</context>
<context>
    <name>PdfRenderer</name>
    <message>
        <source>The PDF library could not start.</source>
        <translation>PDF 库无法启动。</translation>
    </message>
    <message>
        <source>The PDF library failed (error 0x%1, detail %2).</source>
        <translation>PDF 库出错（错误码 0x%1，详情 %2）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds a character the PDF&apos;s Chinese font cannot show (%2); the PDF prints it as %3.</source>
        <translation>“%1”包含 PDF 中文字体无法显示的字符（%2）；PDF 中将其打印为 %3。</translation>
    </message>
    <message>
        <source>%1 stands for a character this PDF cannot show: %2.</source>
        <translation>%1 表示本 PDF 无法显示的字符：%2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PullApplier</name>
    <message>
        <source>The centre sent a page of %1 that this HallDesk cannot read.</source>
        <translation>中心服务器发来的 %1 数据页无法被本 HallDesk 读取。</translation>
    </message>
    <message>
        <source>The centre sent &quot;%1&quot; where a whole number belongs.</source>
        <translation>中心服务器在应为整数的位置发来了“%1”。</translation>
    </message>
    <message>
        <source>The centre sent a row of hall %1, which this store does not know.</source>
        <translation>中心服务器发来营业厅 %1 的数据，但本地数据库中没有该营业厅。</translation>
    </message>
    <message>
        <source>The centre sent a row of account %1, which this store does not have.</source>
        <translation>中心服务器发来户号 %1 的数据，但本地数据库中没有该户。</translation>
    </message>
    <message>
        <source>The centre sent a member of payer group %1, which this store does not have.</source>
        <translation>中心服务器发来付款组 %1 的成员，但本地数据库中没有该付款组。</translation>
    </message>
</context>
<context>
    <name>ReceiptLayout</name>
    <message>
        <source>Receipt %1</source>
        <translation>收费凭证 %1</translation>
    </message>
    <message>
        <source>Prepaid Refund Receipt</source>
        <translation>预存退费凭证</translation>
    </message>
    <message>
        <source>Electricity Payment Receipt</source>
        <translation>电费收费凭证</translation>
    </message>
    <message>
        <source>REPRINT (copy %1)</source>
        <translation>重打（第%1次）</translation>
    </message>
    <message>
        <source>Scan to verify receipt %1</source>
        <translation>扫码核验凭证 %1</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>扫码核验</translation>
    </message>
    <message>
        <source>Receipt No.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>收费时间</translation>
    </message>
    <message>
        <source>Account No.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>  waived</source>
        <translation>  减免</translation>
    </message>
    <message>
        <source>Added to prepaid balance</source>
        <translation>转入预存</translation>
    </message>
    <message>
        <source>Paid out of prepaid balance</source>
        <translation>预存退出</translation>
    </message>
    <message>
        <source>Paid from prepaid balance</source>
        <translation>预存抵扣</translation>
    </message>
    <message>
        <source>Prepaid balance after</source>
        <translation>预存余额</translation>
    </message>
    <message>
        <source>Account total</source>
        <translation>本户合计</translation>
    </message>
    <message>
        <source>Paid out by</source>
        <translation>退款方式</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>交易参考号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>In words (RMB)</source>
        <translation>人民币（大写）</translation>
    </message>
    <message>
        <source>This receipt was voided and is no proof of payment.</source>
        <translation>本凭证已作废，不作为缴费凭据。</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Please keep this receipt as proof of payment.</source>
        <translation>请妥善保管本凭证，作为缴费凭据。</translation>
    </message>
</context>
<context>
    <name>RejectedEventDetail</name>
    <message>
        <source>%1 · receipt %2</source>
        <translation>%1 · 凭证号 %2</translation>
    </message>
    <message>
        <source>The centre rejected it:</source>
        <translation>中心拒收原因：</translation>
    </message>
    <message>
        <source>Reviewed by %1 (%2) on %3: %4</source>
        <translation>%1（%2）于 %3 复核：%4</translation>
    </message>
    <message numerus="yes">
        <source>Sent again %n time(s); the centre rejected it again.</source>
        <translation>
            <numerusform>已重新上传 %n 次，中心再次拒收。</numerusform>
        </translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>营业日期</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Account(s)</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Voided payment</source>
        <translation>被冲正的缴费</translation>
    </message>
    <message>
        <source>Amount voided</source>
        <translation>冲正金额</translation>
    </message>
    <message>
        <source>Reason for the void</source>
        <translation>冲正原因</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Prepaid balance after</source>
        <translation>退款后预存余额</translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation>退款原因</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>凭证号段</translation>
    </message>
    <message>
        <source>Shift total</source>
        <translation>班次应收合计</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Reason for the variance</source>
        <translation>差异原因</translation>
    </message>
    <message>
        <source>Payments / voids / refunds</source>
        <translation>缴费 / 冲正 / 退款笔数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Handed over / change</source>
        <translation>实收 / 找零</translation>
    </message>
    <message>
        <source>How the voided payment was paid</source>
        <translation>被冲正缴费的付款方式</translation>
    </message>
    <message>
        <source>How it was paid</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>交易参考号</translation>
    </message>
    <message>
        <source>prepaid balance</source>
        <translation>预存余额</translation>
    </message>
    <message>
        <source>Where the money went (this terminal&apos;s allocation)</source>
        <translation>款项去向（本终端的分配）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>减免</translation>
    </message>
    <message>
        <source>Late fees waived</source>
        <translation>违约金减免</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>应计</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Settlement by method</source>
        <translation>按付款方式日结</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>The event&apos;s payload cannot be read</source>
        <translation>无法读取该事件的内容</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>事件内容</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Local sequence</source>
        <translation>本地序号</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Answered by the centre</source>
        <translation>中心答复时间</translation>
    </message>
    <message>
        <source>The event</source>
        <translation>事件信息</translation>
    </message>
</context>
<context>
    <name>RejectedEvents</name>
    <message>
        <source>Only a supervisor can send a rejected event again or mark it reviewed: a supervisor approves it with their own code and password.</source>
        <translation>只有主管才能重新上传被拒事件或将其标记为已复核：请主管用自己的工号和密码审批。</translation>
    </message>
    <message>
        <source>There is no event %1 in the outbox.</source>
        <translation>待上传队列中没有事件 %1。</translation>
    </message>
    <message>
        <source>A review needs a note: what was found, and what was done about it.</source>
        <translation>复核需要填写说明：查明的情况和处理结果。</translation>
    </message>
    <message>
        <source>Event %1 was reviewed already, by %2 on %3.</source>
        <translation>事件 %1 已由 %2 于 %3 复核。</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>accepted by the centre</source>
        <translation>已被中心接收</translation>
    </message>
    <message>
        <source>accepted by the centre (sent twice)</source>
        <translation>已被中心接收（重复上传）</translation>
    </message>
    <message>
        <source>Event %1 is %2, not rejected: there is nothing to do.</source>
        <translation>事件 %1 %2，并未被拒收，无需处理。</translation>
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
    <name>SettlementLayout</name>
    <message>
        <source>Settlement %1 %2</source>
        <translation>日结 %1 %2</translation>
    </message>
    <message>
        <source>Daily Settlement Report</source>
        <translation>收费日结报表</translation>
    </message>
    <message>
        <source>Settlement %1</source>
        <translation>日结编号 %1</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>扫码核验</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>营业日期</translation>
    </message>
    <message>
        <source>Settled at</source>
        <translation>日结时间</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>点钞方式</translation>
    </message>
    <message>
        <source>blind (expected totals not shown)</source>
        <translation>盲点（点钞前不显示应收）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>明点</translation>
    </message>
    <message>
        <source>Cash by denomination</source>
        <translation>现金券别明细</translation>
    </message>
    <message>
        <source>Note / coin</source>
        <translation>券别</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>张数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>现金合计</translation>
    </message>
    <message>
        <source>Totals per method</source>
        <translation>分方式汇总</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收费笔数</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>冲正笔数</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>凭证号段</translation>
    </message>
    <message>
        <source>In words (RMB)</source>
        <translation>人民币（大写）</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>差异原因</translation>
    </message>
    <message>
        <source>Clerk&apos;s signature</source>
        <translation>收费员签字</translation>
    </message>
    <message>
        <source>Supervisor&apos;s signature</source>
        <translation>主管签字</translation>
    </message>
    <message>
        <source>Audit anchor: %1 entries, hash %2</source>
        <translation>审计锚点：%1 条记录，哈希 %2</translation>
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
    <message>
        <source>The store connection is closed.</source>
        <translation>本地数据库连接已关闭。</translation>
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
    <message>
        <source>Other users of this computer can read the store: %1. HallDesk cannot change that; as the files&apos; owner run

    chmod 600 &quot;%2&quot;*

and start again.</source>
        <translation>本机其他用户可以读取该数据库：%1。HallDesk 无法更改此权限；请以文件所有者身份运行

    chmod 600 &quot;%2&quot;*

然后重新启动。</translation>
    </message>
</context>
<context>
    <name>StoreProtection</name>
    <message>
        <source>The store %1 is not on an encrypted disk, so anyone who takes this computer&apos;s disk can read its customers&apos; names, addresses and phone numbers. %2 Put the store on an encrypted volume (LUKS or fscrypt), or, if the site accepts this risk in writing, record that with &quot;halldeskctl security accept-risk&quot;. This warning comes once a day.</source>
        <translation>数据库 %1 不在加密磁盘上，任何拿到本机硬盘的人都能读取其中客户的姓名、地址和电话号码。%2请将数据库放到加密卷（LUKS 或 fscrypt）上；如本单位书面接受此风险，请用“halldeskctl security accept-risk”登记。此警告每天提示一次。</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The central server speaks sync API version %1; this HallDesk speaks version 1.</source>
        <translation>中心服务器使用同步接口版本 %1；本 HallDesk 使用版本 1。</translation>
    </message>
    <message>
        <source>The central server&apos;s database is at version %1; this HallDesk needs version %2 or later (halldeskctl central migrate).</source>
        <translation>中心服务器数据库版本为 %1；本 HallDesk 需要版本 %2 或更高（请运行 halldeskctl central migrate）。</translation>
    </message>
    <message>
        <source>The centre answered %1 results for a batch of %2 events.</source>
        <translation>中心服务器对 %2 个事件的批次返回了 %1 个结果。</translation>
    </message>
    <message>
        <source>The centre answered for event %1 where %2 was expected.</source>
        <translation>中心服务器返回的是事件 %1 的结果，而预期为事件 %2。</translation>
    </message>
    <message>
        <source>The centre answered &quot;%1&quot; for event %2.</source>
        <translation>中心服务器对事件 %2 返回“%1”。</translation>
    </message>
    <message>
        <source>The centre moved the watermark of %1 back from %2 to %3.</source>
        <translation>中心服务器将 %1 的水位从 %2 回退到 %3。</translation>
    </message>
    <message>
        <source>The centre holds an earlier audit head of this terminal that the log contradicts: %1</source>
        <translation>中心保存的本终端早先的审计链头与日志矛盾：%1</translation>
    </message>
</context>
<context>
    <name>TenderMethod</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <source>QR payment</source>
        <translation>扫码支付</translation>
    </message>
    <message>
        <source>Transfer / cheque</source>
        <translation>转账/支票</translation>
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
        <source>Start the lookup with this query.</source>
        <translation>启动时以此内容进行查询。</translation>
    </message>
    <message>
        <source>The language: zh_CN or en (default: the system&apos;s).</source>
        <translation>界面语言：zh_CN 或 en（默认：跟随系统）。</translation>
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
    <message>
        <source>Open this account at start (on the counter, ready to pay, with --screen counter).</source>
        <translation>启动时打开此户号（配合 --screen counter 时直接进入柜台，可立即缴费）。</translation>
    </message>
    <message>
        <source>Cannot read the tender &quot;%1&quot;.</source>
        <translation>无法读取付款方式“%1”。</translation>
    </message>
    <message>
        <source>Sync with this central server (postgresql://role:password@host:port/database) instead of the one in the store&apos;s settings.</source>
        <translation>与此中心服务器同步（postgresql://角色:密码@主机:端口/数据库），而不使用本地库设置中的服务器。</translation>
    </message>
    <message>
        <source>The screen to start on, if the operator&apos;s roles allow it: %1.</source>
        <translation>启动时显示的界面（须操作员的角色允许）：%1。</translation>
    </message>
    <message>
        <source>Unknown screen &quot;%1&quot;; the screens are %2.</source>
        <translation>未知界面“%1”；可用界面为 %2。</translation>
    </message>
    <message>
        <source>Only a clerk takes money: there is no counter to enter tenders on.</source>
        <translation>只有收费员可以收款：没有可录入付款方式的柜台界面。</translation>
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
    <message>
        <source>Payment commit time against a bare insert; a group payment.</source>
        <translation>缴费提交耗时与单纯插入的对比；集团户缴费。</translation>
    </message>
    <message>
        <source>The central server, postgresql://user:password@host:port/database (an administrator).</source>
        <translation>中心服务器，postgresql://user:password@host:port/database（管理员账号）。</translation>
    </message>
    <message>
        <source>libsodium could not be initialised.</source>
        <translation>无法初始化 libsodium。</translation>
    </message>
    <message>
        <source>Usage: halldeskctl central terminal add --url URL --hall CODE --terminal CODE [--name NAME]</source>
        <translation>用法：halldeskctl central terminal add --url URL --hall CODE --terminal CODE [--name NAME]</translation>
    </message>
    <message>
        <source>Create a terminal&apos;s login role on the centre and print its connection settings once (the password is not stored anywhere else).</source>
        <translation>在中心服务器上创建终端的登录角色，并仅输出一次其连接设置（密码不在其他任何地方保存）。</translation>
    </message>
    <message>
        <source>The hall&apos;s code, e.g. H01.</source>
        <translation>营业厅编码，例如 H01。</translation>
    </message>
    <message>
        <source>The terminal&apos;s code in the hall, e.g. T01.</source>
        <translation>终端在营业厅内的编码，例如 T01。</translation>
    </message>
    <message>
        <source>A name for the terminal.</source>
        <translation>终端名称。</translation>
    </message>
    <message>
        <source>Record a payment made outside the halls (bank, WeChat, Alipay, online) on the centre; it reaches the counters on their next sync.</source>
        <translation>在中心服务器上记录营业厅以外的缴费（银行、微信、支付宝、网上）；各柜台下次同步时收到。</translation>
    </message>
    <message>
        <source>The account number.</source>
        <translation>户号。</translation>
    </message>
    <message>
        <source>The amount paid, e.g. 100.00.</source>
        <translation>缴费金额，例如 100.00。</translation>
    </message>
    <message>
        <source>bank, wechat, alipay or online.</source>
        <translation>bank、wechat、alipay 或 online。</translation>
    </message>
    <message>
        <source>The payment&apos;s UUID (default: a new one); the same UUID again records nothing new.</source>
        <translation>缴费的 UUID（默认新生成）；重复使用同一 UUID 不会产生新记录。</translation>
    </message>
    <message>
        <source>the amount must be more than zero</source>
        <translation>金额必须大于零</translation>
    </message>
    <message>
        <source>Unknown channel &quot;%1&quot;; use one of %2.</source>
        <translation>未知渠道“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>--uuid &quot;%1&quot; is not a UUID.</source>
        <translation>--uuid “%1”不是 UUID。</translation>
    </message>
    <message>
        <source>Unknown subcommand &quot;%1&quot;. %2</source>
        <translation>未知子命令“%1”。%2</translation>
    </message>
    <message>
        <source>Take a payment for one or several accounts.</source>
        <translation>为一个或多个户号收费。</translation>
    </message>
    <message>
        <source>Void a payment of today, with a supervisor&apos;s approval.</source>
        <translation>冲正当天的一笔缴费，需主管审批。</translation>
    </message>
    <message>
        <source>Pay out prepaid balance, with a supervisor&apos;s approval.</source>
        <translation>退还预存余额，需主管审批。</translation>
    </message>
    <message>
        <source>Settle the shift: cash count and totals.</source>
        <translation>班次日结：现金清点与汇总。</translation>
    </message>
    <message>
        <source>Verify the store&apos;s money invariants.</source>
        <translation>校验数据库的资金一致性。</translation>
    </message>
    <message>
        <source>Write a receipt as PDF (a reprint after the first output).</source>
        <translation>将收费凭证输出为 PDF（首次输出之后为重打）。</translation>
    </message>
    <message>
        <source>Measure lookup and payment speed.</source>
        <translation>测量查询和缴费速度。</translation>
    </message>
    <message>
        <source>The central server: migrate, add a terminal, record a payment from another channel.</source>
        <translation>中心服务器：迁移、添加终端、记录其他渠道的缴费。</translation>
    </message>
    <message>
        <source>This needs a supervisor&apos;s approval: name them with --approver.</source>
        <translation>此操作需要主管审批：请用 --approver 指定审批主管。</translation>
    </message>
    <message>
        <source>Set the approver&apos;s password in the HALLDESK_APPROVER_PASSWORD environment variable.</source>
        <translation>请在环境变量 HALLDESK_APPROVER_PASSWORD 中设置审批人的密码。</translation>
    </message>
    <message>
        <source>Take a payment (the operator&apos;s password in HALLDESK_PASSWORD).</source>
        <translation>收费（操作员密码放在 HALLDESK_PASSWORD 中）。</translation>
    </message>
    <message>
        <source>The clerk taking the payment.</source>
        <translation>收费的收费员。</translation>
    </message>
    <message>
        <source>An account number (户号); repeat for a group payment.</source>
        <translation>户号；集团户缴费时可重复指定。</translation>
    </message>
    <message>
        <source>cash, card, qr or transfer.</source>
        <translation>cash、card、qr 或 transfer。</translation>
    </message>
    <message>
        <source>The amount paid, in yuan.</source>
        <translation>缴费金额，单位为元。</translation>
    </message>
    <message>
        <source>Cash handed over (default: the amount).</source>
        <translation>实收现金（默认等于金额）。</translation>
    </message>
    <message>
        <source>The card, QR or transfer reference number.</source>
        <translation>刷卡、扫码或转账的交易参考号。</translation>
    </message>
    <message>
        <source>The payment&apos;s UUID; sending it again returns the recorded payment.</source>
        <translation>缴费的 UUID；再次发送时返回已记录的缴费。</translation>
    </message>
    <message>
        <source>One receipt per account instead of one combined receipt.</source>
        <translation>每户开具一张凭证，而不是合并开具一张凭证。</translation>
    </message>
    <message>
        <source>Missing --account.</source>
        <translation>缺少 --account。</translation>
    </message>
    <message>
        <source>--method is cash, card, qr or transfer, not &quot;%1&quot;.</source>
        <translation>--method 应为 cash、card、qr 或 transfer，而不是“%1”。</translation>
    </message>
    <message>
        <source>--tendered is for cash only.</source>
        <translation>--tendered 仅用于现金。</translation>
    </message>
    <message>
        <source>--tendered must be more than zero.</source>
        <translation>--tendered 必须大于零。</translation>
    </message>
    <message>
        <source>--uuid takes a UUID, not &quot;%1&quot;.</source>
        <translation>--uuid 需要 UUID，而不是“%1”。</translation>
    </message>
    <message>
        <source>Void (冲正) a payment of today before the shift is settled.</source>
        <translation>在班次日结前冲正当天的一笔缴费。</translation>
    </message>
    <message>
        <source>The clerk voiding the payment.</source>
        <translation>办理冲正的收费员。</translation>
    </message>
    <message>
        <source>Why the payment is voided.</source>
        <translation>冲正原因。</translation>
    </message>
    <message>
        <source>The approving supervisor (password in HALLDESK_APPROVER_PASSWORD).</source>
        <translation>审批主管（密码放在 HALLDESK_APPROVER_PASSWORD 中）。</translation>
    </message>
    <message>
        <source>The payment&apos;s receipt number.</source>
        <translation>缴费的凭证号。</translation>
    </message>
    <message>
        <source>Give exactly one receipt number.</source>
        <translation>请指定且只指定一个凭证号。</translation>
    </message>
    <message>
        <source>Pay out prepaid balance in cash, with a supervisor&apos;s approval.</source>
        <translation>以现金退还预存余额，需主管审批。</translation>
    </message>
    <message>
        <source>The clerk paying out.</source>
        <translation>办理退款的收费员。</translation>
    </message>
    <message>
        <source>The amount paid out, in yuan.</source>
        <translation>退款金额，单位为元。</translation>
    </message>
    <message>
        <source>Why the balance is refunded.</source>
        <translation>退还余额的原因。</translation>
    </message>
    <message>
        <source>Settle (日结) the operator&apos;s shift: the cash count and the totals.</source>
        <translation>对操作员的班次进行日结：现金清点与汇总。</translation>
    </message>
    <message>
        <source>The clerk whose shift is settled.</source>
        <translation>要日结班次的收费员。</translation>
    </message>
    <message>
        <source>The cash count: denomination in yuan and count, e.g. &quot;100:3,50:1,0.5:2&quot;.</source>
        <translation>现金清点：面额（元）与张数，例如 &quot;100:3,50:1,0.5:2&quot;。</translation>
    </message>
    <message>
        <source>The bank card total.</source>
        <translation>刷卡合计。</translation>
    </message>
    <message>
        <source>The QR payment total.</source>
        <translation>扫码支付合计。</translation>
    </message>
    <message>
        <source>The transfer / cheque total.</source>
        <translation>转账/支票合计。</translation>
    </message>
    <message>
        <source>The supervisor approving a difference (password in HALLDESK_APPROVER_PASSWORD).</source>
        <translation>审批差额的主管（密码放在 HALLDESK_APPROVER_PASSWORD 中）。</translation>
    </message>
    <message>
        <source>Why the count differs.</source>
        <translation>清点不符的原因。</translation>
    </message>
    <message>
        <source>A blind count: the expected totals were not shown before.</source>
        <translation>盲点：点钞前未显示应收合计。</translation>
    </message>
    <message>
        <source>--cash takes denomination:count pairs such as &quot;100:3,0.5:2&quot;, not &quot;%1&quot;.</source>
        <translation>--cash 需要“面额:张数”对，例如 &quot;100:3,0.5:2&quot;，而不是“%1”。</translation>
    </message>
    <message>
        <source>The store has no accounts with open bills to pay.</source>
        <translation>数据库中没有有未结账单可缴的户号。</translation>
    </message>
    <message>
        <source>Time payment commits (synchronous=FULL) against a bare one-row insert transaction on the same file system, and a group payment.</source>
        <translation>测量缴费提交耗时（synchronous=FULL），与同一文件系统上单纯插入一行的事务对比，并测量集团户缴费。</translation>
    </message>
    <message>
        <source>The store whose accounts are copied into a temporary bench store.</source>
        <translation>其户号将复制到临时测试数据库中的数据库。</translation>
    </message>
    <message>
        <source>Payments to time (default %1).</source>
        <translation>计时的缴费笔数（默认 %1）。</translation>
    </message>
    <message>
        <source>Accounts in the group payment (default %1).</source>
        <translation>集团户缴费中的户数（默认 %1）。</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder beside %1.</source>
        <translation>无法在 %1 旁创建临时文件夹。</translation>
    </message>
    <message>
        <source>Payment commit, synchronous=FULL, %1 single-account cash payments on a bench store beside %2:
</source>
        <translation>缴费提交，synchronous=FULL，在 %2 旁的测试数据库上进行 %1 笔单户现金缴费：
</translation>
    </message>
    <message>
        <source>  payment      p50 %1 ms  p95 %2 ms  p99 %3 ms (goal p95 under %4 ms)
</source>
        <translation>  缴费        p50 %1 毫秒  p95 %2 毫秒  p99 %3 毫秒（目标：p95 低于 %4 毫秒）
</translation>
    </message>
    <message>
        <source>  bare insert  p50 %1 ms  p95 %2 ms
</source>
        <translation>  单纯插入    p50 %1 毫秒  p95 %2 毫秒
</translation>
    </message>
    <message>
        <source>  ratio        p50 %1x  p95 %2x (goal at most %3x)
</source>
        <translation>  比值        p50 %1 倍  p95 %2 倍（目标：不超过 %3 倍）
</translation>
    </message>
    <message>
        <source>Group payment over %1 accounts: %2 ms (goal under %3 ms)
</source>
        <translation>%1 户集团户缴费：%2 毫秒（目标：低于 %3 毫秒）
</translation>
    </message>
    <message>
        <source>Receipt PDF render: %1 ms (goal under %2 ms)
</source>
        <translation>收费凭证 PDF 渲染：%1 毫秒（目标：低于 %2 毫秒）
</translation>
    </message>
    <message>
        <source>Write a receipt as PDF. Every output after the first is marked as a copy (重打).</source>
        <translation>将收费凭证输出为 PDF。首次之后的每次输出都标记为副本（重打）。</translation>
    </message>
    <message>
        <source>The receipt number, e.g. H01T01-00000042.</source>
        <translation>凭证号，例如 H01T01-00000042。</translation>
    </message>
    <message>
        <source>The store.</source>
        <translation>数据库。</translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation>要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>80mm (default), 58mm or a5.</source>
        <translation>80mm（默认）、58mm 或 a5。</translation>
    </message>
    <message>
        <source>Name exactly one receipt number.</source>
        <translation>请指定且只指定一个凭证号。</translation>
    </message>
    <message>
        <source>--paper &quot;%1&quot;: use 80mm, 58mm or a5.</source>
        <translation>--paper “%1”：请使用 80mm、58mm 或 a5。</translation>
    </message>
    <message>
        <source>Run one sync round with the central server: push the pending events, then pull what changed. Prints what it did as JSON.</source>
        <translation>与中心服务器进行一轮同步：上传待上传事件，再下载变更内容。以 JSON 输出执行情况。</translation>
    </message>
    <message>
        <source>The central server as this terminal: postgresql://role:password@host:port/database.</source>
        <translation>以本终端身份连接的中心服务器：postgresql://role:password@host:port/database。</translation>
    </message>
    <message>
        <source>Events per push call (default 500).</source>
        <translation>每次上传调用的事件数（默认 500）。</translation>
    </message>
    <message>
        <source>--batch takes a positive number.</source>
        <translation>--batch 需要正整数。</translation>
    </message>
    <message>
        <source>Also write the settlement report as an A5 PDF to this file.</source>
        <translation>同时将日结报表按 A5 纸张写成 PDF 文件。</translation>
    </message>
    <message>
        <source>Load the local demo&apos;s accounts, bills and payer groups (the same for the same seed and date) into a migrated centre without accounts.</source>
        <translation>将本地演示数据中的账户、账单和付款组（相同种子和日期生成的数据完全相同）载入已迁移且尚无账户的中心库。</translation>
    </message>
    <message>
        <source>Usage: halldeskctl central migrate|terminal add|pay|demo --url URL … (halldeskctl central SUBCOMMAND --help for each).</source>
        <translation>用法：halldeskctl central migrate|terminal add|pay|demo --url URL …（各子命令的说明见 halldeskctl central SUBCOMMAND --help）。</translation>
    </message>
    <message>
        <source>Run one sync round with the central server; &quot;sync rejected&quot; lists the events it rejected.</source>
        <translation>与中心服务器进行一轮同步；“sync rejected”列出被中心拒收的事件。</translation>
    </message>
    <message>
        <source>List the events the central server rejected, newest first, as JSON lines: the centre&apos;s reason, the review and the original payment (receipts, accounts, amount, tenders). Only the open ones unless --all.</source>
        <translation>以 JSON 行列出被中心服务器拒收的事件，最新的在前：中心的拒收原因、复核情况及原始缴费（凭证号、户号、金额、付款方式）。不加 --all 时只列出待处理的事件。</translation>
    </message>
    <message>
        <source>Also the events a supervisor marked reviewed.</source>
        <translation>同时列出主管已标记为已复核的事件。</translation>
    </message>
    <message>
        <source>A first fill of one hall from the centre, and a push against COPY; the event loop&apos;s longest gap meanwhile.</source>
        <translation>从中心服务器初始化一个营业厅，以及推送与 COPY 的对比；并测量期间事件循环的最长停顿。</translation>
    </message>
    <message>
        <source>The bench hall has %1 accounts; --events %2 needs as many.</source>
        <translation>测试营业厅只有 %1 个用户；--events %2 需要同样多的用户。</translation>
    </message>
    <message>
        <source>In a scratch database on the given server: load one hall of demo accounts with 13 months of bills, fill an empty store from it as a terminal does, take payments at the counter and push them, and COPY the same events into the same server for reference. The event loop of this thread is probed every 10 ms meanwhile, as the window&apos;s would be. The scratch database is dropped at the end.</source>
        <translation>在指定服务器上的临时数据库中：为一个营业厅载入带 13 个月账单的演示用户，像终端那样从中初始化一个空的本地数据库，在柜台收费并推送，再把同样的事件用 COPY 写入同一服务器作为参照。期间每 10 毫秒探测一次本线程的事件循环，与窗口的情况相同。结束时删除临时数据库。</translation>
    </message>
    <message>
        <source>The central server, postgresql://user:password@host:port/database (an administrator who may create databases and roles).</source>
        <translation>中心服务器，postgresql://user:password@host:port/database（需可创建数据库和角色的管理员）。</translation>
    </message>
    <message>
        <source>Accounts in the hall (default %1).</source>
        <translation>营业厅的用户数（默认 %1）。</translation>
    </message>
    <message>
        <source>Payments to push (default %1).</source>
        <translation>要推送的缴费笔数（默认 %1）。</translation>
    </message>
    <message>
        <source>The demo data&apos;s seed (default 1).</source>
        <translation>演示数据的随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Where the bench store is made (default: the current folder).</source>
        <translation>测试用本地数据库的位置（默认：当前文件夹）。</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder in %1.</source>
        <translation>无法在 %1 中创建临时文件夹。</translation>
    </message>
    <message>
        <source>Loaded %1 accounts into the centre in %2 s.</source>
        <translation>已在 %2 秒内向中心服务器载入 %1 个用户。</translation>
    </message>
    <message>
        <source>Filled the store: %1 rows in %2 s.</source>
        <translation>本地数据库初始化完成：%2 秒内 %1 行。</translation>
    </message>
    <message>
        <source>First fill of one hall (%1 accounts, %2 rows): %3 s, %4 rows/s (goal under %5 s)
</source>
        <translation>一个营业厅的首次初始化（%1 个用户，%2 行）：%3 秒，每秒 %4 行（目标低于 %5 秒）
</translation>
    </message>
    <message>
        <source>Push of %1 payments: %2 s; COPY of the same events %3 s; ratio %4x (goals under %5 s, at most %6x)
</source>
        <translation>推送 %1 笔缴费：%2 秒；同样事件的 COPY：%3 秒；比值 %4 倍（目标低于 %5 秒，最多 %6 倍）
</translation>
    </message>
    <message>
        <source>Longest event-loop gap: %1 ms during the fill, %2 ms during the push (goal under %3 ms)
</source>
        <translation>事件循环最长停顿：初始化期间 %1 毫秒，推送期间 %2 毫秒（目标低于 %3 毫秒）
</translation>
    </message>
    <message>
        <source>Verify the audit log&apos;s hash chain, and check it against the anchors kept outside the store.</source>
        <translation>校验审计日志的哈希链，并与保存在数据库之外的锚点核对。</translation>
    </message>
    <message>
        <source>The central server as this terminal: every audit head the centre was sent is checked.</source>
        <translation>以本终端身份连接的中心服务器：逐一核对发送给中心的每个审计链头。</translation>
    </message>
    <message>
        <source>An anchor printed on a settlement report, ENTRIES:HASH (repeatable; spaces in the hash are ignored).</source>
        <translation>日结报表上打印的锚点，格式为 条数:哈希（可重复；哈希中的空格忽略）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an anchor: give ENTRIES:HASH, the hash in 64 hex digits.</source>
        <translation>“%1”不是锚点：请给出 条数:哈希，哈希为 64 位十六进制数字。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Check a presented ID card against an account (at the centre, or offline against the masked digits).</source>
        <translation>核验客户出示的身份证与户号是否一致（由中心核验，离线时只比对未遮蔽的数字）。</translation>
    </message>
    <message>
        <source>The store&apos;s protection at rest: the encrypted-volume check and the site&apos;s written acceptance of an unencrypted one.</source>
        <translation>数据库的存储保护：加密卷检查，以及本单位对未加密卷的书面风险接受。</translation>
    </message>
    <message>
        <source>Only an administrator may record or withdraw the acceptance of this risk.</source>
        <translation>只有管理员可以登记或撤销对此风险的接受。</translation>
    </message>
    <message>
        <source>Whether the store lies on an encrypted volume, and the site&apos;s written acceptance when it does not.</source>
        <translation>数据库是否位于加密卷上；若不是，本单位是否已书面接受此风险。</translation>
    </message>
    <message>
        <source>status, accept-risk or withdraw-risk</source>
        <translation>status（状态）、accept-risk（接受风险）或 withdraw-risk（撤销接受）</translation>
    </message>
    <message>
        <source>The administrator (password in HALLDESK_PASSWORD).</source>
        <translation>管理员（密码放在 HALLDESK_PASSWORD 中）。</translation>
    </message>
    <message>
        <source>The written acceptance: document, date and who signed it.</source>
        <translation>书面风险接受：文件、日期及签署人。</translation>
    </message>
    <message>
        <source>Name the action: status, accept-risk or withdraw-risk.</source>
        <translation>请指明操作：status、accept-risk 或 withdraw-risk。</translation>
    </message>
    <message>
        <source>Name the written acceptance with --reference.</source>
        <translation>请用 --reference 注明书面风险接受文件。</translation>
    </message>
    <message>
        <source>Check a presented ID card against an account. The card&apos;s number is read from standard input.</source>
        <translation>核验客户出示的身份证与户号是否一致。身份证号从标准输入读取。</translation>
    </message>
    <message>
        <source>The operator (password in HALLDESK_PASSWORD).</source>
        <translation>操作员（密码放在 HALLDESK_PASSWORD 中）。</translation>
    </message>
    <message>
        <source>The central server (default: the store&apos;s sync server).</source>
        <translation>中心服务器（默认：数据库中设置的同步服务器）。</translation>
    </message>
    <message>
        <source>Name one account number.</source>
        <translation>请指定一个户号。</translation>
    </message>
    <message>
        <source>Money moves only on the hall&apos;s business date, today %1; --on %2 is refused.</source>
        <translation>资金只能在营业厅的营业日（今天 %1）收付；拒绝 --on %2。</translation>
    </message>
    <message>
        <source>The business date the command is meant for, YYYY-MM-DD; refused unless it is today&apos;s.</source>
        <translation>本命令所针对的营业日，格式 YYYY-MM-DD；不是今天则拒绝。</translation>
    </message>
    <message>
        <source>Bring the central database up to this HallDesk&apos;s schema version and apply its functions and views again. Safe to run again; refuses a database that is newer.</source>
        <translation>将中心数据库升级到本 HallDesk 的结构版本，并重新应用其函数和视图。可重复运行；拒绝处理版本更新的数据库。</translation>
    </message>
</context>
</TS>
