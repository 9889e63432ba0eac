<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountService</name>
    <message>
        <source>No late-fee policy is in force on %1: check the setting late_fee.policy.</source>
        <translation>No late-fee policy is in force on %1: check the setting late_fee.policy.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mobile number: a mobile number has 11 digits and starts with 1.</source>
        <translation>&quot;%1&quot; is not a mobile number: a mobile number has 11 digits and starts with 1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a telephone number: write 7 to 15 digits, with an area code such as 0571-87654321 if needed.</source>
        <translation>&quot;%1&quot; is not a telephone number: write 7 to 15 digits, with an area code such as 0571-87654321 if needed.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WeChat ID: it has 6 to 20 letters, digits, _ or -, starting with a letter, or it is the customer&apos;s mobile number.</source>
        <translation>&quot;%1&quot; is not a WeChat ID: it has 6 to 20 letters, digits, _ or -, starting with a letter, or it is the customer&apos;s mobile number.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address: write it as name@example.com.</source>
        <translation>&quot;%1&quot; is not an e-mail address: write it as name@example.com.</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>Say which personal data was revealed.</source>
        <translation>Say which personal data was revealed.</translation>
    </message>
</context>
<context>
    <name>AccountText</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Paid %1</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Partly paid</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Unpaid</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Entry %1 does not link to the entry before it: an earlier entry was removed or altered.</source>
        <translation>Entry %1 does not link to the entry before it: an earlier entry was removed or altered.</translation>
    </message>
    <message>
        <source>Entry %1 does not match its hash: its contents were altered after it was written.</source>
        <translation>Entry %1 does not match its hash: its contents were altered after it was written.</translation>
    </message>
    <message>
        <source>Entry %1 of the log has hash %2, but it was anchored with %3: the log was rewritten at or before that entry.</source>
        <translation>Entry %1 of the log has hash %2, but it was anchored with %3: the log was rewritten at or before that entry.</translation>
    </message>
    <message>
        <source>The log holds %1 entries, but %2 were anchored: entries were removed from its end.</source>
        <translation>The log holds %1 entries, but %2 were anchored: entries were removed from its end.</translation>
    </message>
</context>
<context>
    <name>AuthService</name>
    <message>
        <source>The password library (libsodium) could not be initialised.</source>
        <translation>The password library (libsodium) could not be initialised.</translation>
    </message>
    <message>
        <source>The setting &quot;%1&quot; must be a positive whole number; ask an administrator to correct it.</source>
        <translation>The setting &quot;%1&quot; must be a positive whole number; ask an administrator to correct it.</translation>
    </message>
    <message>
        <source>There is no operator &quot;%1&quot;.</source>
        <translation>There is no operator &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The password must not be the operator code.</source>
        <translation>The password must not be the operator code.</translation>
    </message>
    <message>
        <source>Unknown operator or wrong password.</source>
        <translation>Unknown operator or wrong password.</translation>
    </message>
    <message>
        <source>Operator %1 is disabled. An administrator can enable it again.</source>
        <translation>Operator %1 is disabled. An administrator can enable it again.</translation>
    </message>
    <message>
        <source>Operator %1 is locked after too many failed sign-ins until %2. Try again then, or ask an administrator to set a new password.</source>
        <translation>Operator %1 is locked after too many failed sign-ins until %2. Try again then, or ask an administrator to set a new password.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: operator %1 is locked until %2.</source>
        <translation>Too many failed sign-ins: operator %1 is locked until %2.</translation>
    </message>
    <message>
        <source>Operator %1 may not approve this: it needs the role &quot;%2&quot;.</source>
        <translation>Operator %1 may not approve this: it needs the role &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The store names hall %1 as its workplace, but has no such hall.</source>
        <translation>The store names hall %1 as its workplace, but has no such hall.</translation>
    </message>
    <message>
        <source>Only an administrator may add operators.</source>
        <translation>Only an administrator may add operators.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid operator code (1 to 16 letters, digits, - or _).</source>
        <translation>&quot;%1&quot; is not a valid operator code (1 to 16 letters, digits, - or _).</translation>
    </message>
    <message>
        <source>The operator needs a name.</source>
        <translation>The operator needs a name.</translation>
    </message>
    <message>
        <source>The operator needs at least one role.</source>
        <translation>The operator needs at least one role.</translation>
    </message>
    <message>
        <source>An operator with the code &quot;%1&quot; exists already.</source>
        <translation>An operator with the code &quot;%1&quot; exists already.</translation>
    </message>
    <message>
        <source>Only an administrator may set another operator&apos;s password.</source>
        <translation>Only an administrator may set another operator&apos;s password.</translation>
    </message>
    <message>
        <source>Only an administrator may enable operators.</source>
        <translation>Only an administrator may enable operators.</translation>
    </message>
    <message>
        <source>Only an administrator may disable operators.</source>
        <translation>Only an administrator may disable operators.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator and cannot be disabled; enable or add another administrator first.</source>
        <translation>%1 is the last active administrator and cannot be disabled; enable or add another administrator first.</translation>
    </message>
    <message>
        <source>Not enough memory to protect the password; close other programs and try again.</source>
        <translation>Not enough memory to protect the password; close other programs and try again.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>A password needs at least 8 characters.</translation>
    </message>
    <message>
        <source>A password must not be one character repeated.</source>
        <translation>A password must not be one character repeated.</translation>
    </message>
</context>
<context>
    <name>CentralConnection</name>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is missing: install libqt6sql6-psql.</source>
        <translation>Qt&apos;s PostgreSQL driver (QPSQL) is missing: install libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>Cannot connect to the central server %1: %2</source>
        <translation>Cannot connect to the central server %1: %2</translation>
    </message>
    <message>
        <source>The server returned something that is not JSON: %1</source>
        <translation>The server returned something that is not JSON: %1</translation>
    </message>
    <message>
        <source>The central connection is not a PostgreSQL connection.</source>
        <translation>The central connection is not a PostgreSQL connection.</translation>
    </message>
    <message>
        <source>The central connection is closed.</source>
        <translation>The central connection is closed.</translation>
    </message>
    <message>
        <source>The setting %1 of the server URL holds a semicolon, which Qt&apos;s PostgreSQL driver cannot pass on.</source>
        <translation>The setting %1 of the server URL holds a semicolon, which Qt&apos;s PostgreSQL driver cannot pass on.</translation>
    </message>
</context>
<context>
    <name>CentralDemoWriter</name>
    <message>
        <source>The demo makes 1 to %1 accounts, not %2.</source>
        <translation>The demo makes 1 to %1 accounts, not %2.</translation>
    </message>
    <message>
        <source>The demo&apos;s date must lie between the years 2000 and 2999.</source>
        <translation>The demo&apos;s date must lie between the years 2000 and 2999.</translation>
    </message>
    <message>
        <source>The central database has no HallDesk schema; run halldeskctl central migrate first.</source>
        <translation>The central database has no HallDesk schema; run halldeskctl central migrate first.</translation>
    </message>
    <message>
        <source>The central database holds accounts already; the demo loads only into a centre without accounts.</source>
        <translation>The central database holds accounts already; the demo loads only into a centre without accounts.</translation>
    </message>
    <message>
        <source>The central database did not begin a transaction.</source>
        <translation>The central database did not begin a transaction.</translation>
    </message>
    <message>
        <source>The central database did not commit the demo data.</source>
        <translation>The central database did not commit the demo data.</translation>
    </message>
</context>
<context>
    <name>CentralMigrator</name>
    <message>
        <source>The central database %1 is at version %2, newer than this HallDesk knows (up to %3). Install the newer HallDesk; the database was left untouched.</source>
        <translation>The central database %1 is at version %2, newer than this HallDesk knows (up to %3). Install the newer HallDesk; the database was left untouched.</translation>
    </message>
    <message>
        <source>Central migration %1 failed and was rolled back: %2</source>
        <translation>Central migration %1 failed and was rolled back: %2</translation>
    </message>
    <message>
        <source>Central migration %1 did not record version %2 (found %3); rolled back.</source>
        <translation>Central migration %1 did not record version %2 (found %3); rolled back.</translation>
    </message>
    <message>
        <source>Central API file %1 failed; the API files were rolled back: %2</source>
        <translation>Central API file %1 failed; the API files were rolled back: %2</translation>
    </message>
</context>
<context>
    <name>CentralSettings</name>
    <message>
        <source>The server URL must look like postgresql://user:password@host:port/database, not &quot;%1&quot;.</source>
        <translation>The server URL must look like postgresql://user:password@host:port/database, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The server URL names no database: %1</source>
        <translation>The server URL names no database: %1</translation>
    </message>
    <message>
        <source>The server URL names no user: %1</source>
        <translation>The server URL names no user: %1</translation>
    </message>
    <message>
        <source>connect_timeout must be a positive number of seconds, not &quot;%1&quot;.</source>
        <translation>connect_timeout must be a positive number of seconds, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>out of memory</translation>
    </message>
    <message>
        <source>The server URL %1 cannot be read: %2</source>
        <translation>The server URL %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The server URL gives %1 ports for %2 hosts.</source>
        <translation>The server URL gives %1 ports for %2 hosts.</translation>
    </message>
    <message>
        <source>The server URL has a port that is not a number from 1 to 65535: &quot;%1&quot;.</source>
        <translation>The server URL has a port that is not a number from 1 to 65535: &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact data</source>
        <translation>Edit contact data</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>&amp;Mobile</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13812345678</source>
        <translation>11 digits, e.g. 13812345678</translation>
    </message>
    <message>
        <source>&amp;Landline</source>
        <translation>&amp;Landline</translation>
    </message>
    <message>
        <source>With area code, e.g. 0571-87654321</source>
        <translation>With area code, e.g. 0571-87654321</translation>
    </message>
    <message>
        <source>&amp;WeChat</source>
        <translation>&amp;WeChat</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
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
        <translation>Audit entries %1 and %2 both record %3 %4.</translation>
    </message>
    <message>
        <source>%1 differs from what audit entry %2 recorded: %3.</source>
        <translation>%1 differs from what audit entry %2 recorded: %3.</translation>
    </message>
    <message>
        <source>Refund %1 (receipt %2, %3)</source>
        <translation>Refund %1 (receipt %2, %3)</translation>
    </message>
    <message>
        <source>Payment %1 (receipt %2, %3)</source>
        <translation>Payment %1 (receipt %2, %3)</translation>
    </message>
    <message>
        <source>%1 has no %2 entry in the audit log.</source>
        <translation>%1 has no %2 entry in the audit log.</translation>
    </message>
    <message>
        <source>Void %1 of receipt %2</source>
        <translation>Void %1 of receipt %2</translation>
    </message>
    <message>
        <source>Settlement %1 of %2</source>
        <translation>Settlement %1 of %2</translation>
    </message>
    <message>
        <source>Audit entry %1 records %2 %3 (%4, %5), but the store has no such row.</source>
        <translation>Audit entry %1 records %2 %3 (%4, %5), but the store has no such row.</translation>
    </message>
    <message>
        <source>Settlement %1 of %2 does not agree with its shift&apos;s payments or with itself: %3.</source>
        <translation>Settlement %1 of %2 does not agree with its shift&apos;s payments or with itself: %3.</translation>
    </message>
</context>
<context>
    <name>CounterFeeCheck</name>
    <message>
        <source>the days counted</source>
        <translation>the days counted</translation>
    </message>
    <message>
        <source>the fee the days come to</source>
        <translation>the fee the days come to</translation>
    </message>
    <message>
        <source>more fee paid and waived than was owed</source>
        <translation>more fee paid and waived than was owed</translation>
    </message>
    <message>
        <source>Bill %1, allocation line %2: %3 do not follow from the bill&apos;s state before it and the rates of its days.</source>
        <translation>Bill %1, allocation line %2: %3 do not follow from the bill&apos;s state before it and the rates of its days.</translation>
    </message>
    <message>
        <source>Bill %1 stands at %2, but its last movement left it at %3.</source>
        <translation>Bill %1 stands at %2, but its last movement left it at %3.</translation>
    </message>
</context>
<context>
    <name>CounterService</name>
    <message>
        <source>Bill %1 of account %2 shows %3 paid, but its payments add up to %4.</source>
        <translation>Bill %1 of account %2 shows %3 paid, but its payments add up to %4.</translation>
    </message>
    <message>
        <source>Account %1 has a prepaid balance of %2, but its ledger adds up to %3.</source>
        <translation>Account %1 has a prepaid balance of %2, but its ledger adds up to %3.</translation>
    </message>
    <message>
        <source>The receipts of terminal %1 do not run 1 to %2 without a gap (%3 receipts, numbers %4 to %5, next number %6).</source>
        <translation>The receipts of terminal %1 do not run 1 to %2 without a gap (%3 receipts, numbers %4 to %5, next number %6).</translation>
    </message>
    <message>
        <source>Payment %1: its tenders, change, amount and allocations do not agree.</source>
        <translation>Payment %1: its tenders, change, amount and allocations do not agree.</translation>
    </message>
    <message>
        <source>Payment %1 has no receipt.</source>
        <translation>Payment %1 has no receipt.</translation>
    </message>
    <message>
        <source>Payment %1: its prepaid lines and the prepaid ledger disagree.</source>
        <translation>Payment %1: its prepaid lines and the prepaid ledger disagree.</translation>
    </message>
    <message>
        <source>Payment %1: its void mark, void record and reverse ledger lines disagree.</source>
        <translation>Payment %1: its void mark, void record and reverse ledger lines disagree.</translation>
    </message>
    <message>
        <source>The audit log&apos;s chain is broken at entry %1: %2</source>
        <translation>The audit log&apos;s chain is broken at entry %1: %2</translation>
    </message>
    <message>
        <source>There is no payment %1.</source>
        <translation>There is no payment %1.</translation>
    </message>
    <message>
        <source>There is no receipt %1.</source>
        <translation>There is no receipt %1.</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>No late-fee policy is in force on %1: check the setting late_fee.policy.</source>
        <translation>No late-fee policy is in force on %1: check the setting late_fee.policy.</translation>
    </message>
    <message>
        <source>Enter how the customer pays: there is no tender.</source>
        <translation>Enter how the customer pays: there is no tender.</translation>
    </message>
    <message>
        <source>A tender&apos;s amount must be more than zero, not %1.</source>
        <translation>A tender&apos;s amount must be more than zero, not %1.</translation>
    </message>
    <message>
        <source>%1 is more than the counter accepts.</source>
        <translation>%1 is more than the counter accepts.</translation>
    </message>
    <message>
        <source>The cash handed over (%1) is less than the cash amount (%2).</source>
        <translation>The cash handed over (%1) is less than the cash amount (%2).</translation>
    </message>
    <message>
        <source>Only cash gives change: a %1 tender pays exactly its amount.</source>
        <translation>Only cash gives change: a %1 tender pays exactly its amount.</translation>
    </message>
    <message>
        <source>A %1 payment needs its reference number (4 to 64 letters, digits or -), not &quot;%2&quot;.</source>
        <translation>A %1 payment needs its reference number (4 to 64 letters, digits or -), not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>A waiver names a bill that is not open on the loaded accounts.</source>
        <translation>A waiver names a bill that is not open on the loaded accounts.</translation>
    </message>
    <message>
        <source>A bill has two waivers; give one.</source>
        <translation>A bill has two waivers; give one.</translation>
    </message>
    <message>
        <source>A late-fee waiver needs a reason.</source>
        <translation>A late-fee waiver needs a reason.</translation>
    </message>
    <message>
        <source>A waiver must charge less than the computed late fee of %1 (and not below zero).</source>
        <translation>A waiver must charge less than the computed late fee of %1 (and not below zero).</translation>
    </message>
    <message>
        <source>All waivers of one payment are approved by the same supervisor.</source>
        <translation>All waivers of one payment are approved by the same supervisor.</translation>
    </message>
    <message>
        <source>The payment has no UUID.</source>
        <translation>The payment has no UUID.</translation>
    </message>
    <message>
        <source>Account %1 is listed twice.</source>
        <translation>Account %1 is listed twice.</translation>
    </message>
    <message>
        <source>Load at least one account before taking a payment.</source>
        <translation>Load at least one account before taking a payment.</translation>
    </message>
    <message>
        <source>The UUID %1 belongs to a refund, not a payment.</source>
        <translation>The UUID %1 belongs to a refund, not a payment.</translation>
    </message>
    <message>
        <source>Account %1 is closed and takes no payments.</source>
        <translation>Account %1 is closed and takes no payments.</translation>
    </message>
    <message>
        <source>The account changed since it was loaded (due now %1, shown %2); reload it.</source>
        <translation>The account changed since it was loaded (due now %1, shown %2); reload it.</translation>
    </message>
    <message>
        <source>The settlement has no UUID.</source>
        <translation>The settlement has no UUID.</translation>
    </message>
    <message>
        <source>%1 is not a note or coin the drawer counts.</source>
        <translation>%1 is not a note or coin the drawer counts.</translation>
    </message>
    <message>
        <source>%1 is counted twice.</source>
        <translation>%1 is counted twice.</translation>
    </message>
    <message>
        <source>The count of %1 must be between 0 and 1,000,000.</source>
        <translation>The count of %1 must be between 0 and 1,000,000.</translation>
    </message>
    <message>
        <source>The %1 total cannot be negative.</source>
        <translation>The %1 total cannot be negative.</translation>
    </message>
    <message>
        <source>Your shift of %1 is settled already.</source>
        <translation>Your shift of %1 is settled already.</translation>
    </message>
    <message>
        <source>What you counted differs from what the shift took: give a reason, and a supervisor approves it.</source>
        <translation>What you counted differs from what the shift took: give a reason, and a supervisor approves it.</translation>
    </message>
    <message>
        <source>There is no settlement %1.</source>
        <translation>There is no settlement %1.</translation>
    </message>
    <message>
        <source>This store is not set up for a hall and terminal (%1 %2): run halldeskctl init first.</source>
        <translation>This store is not set up for a hall and terminal (%1 %2): run halldeskctl init first.</translation>
    </message>
    <message>
        <source>Your shift of %1 is settled (日结): it takes no more payments, voids or refunds.</source>
        <translation>Your shift of %1 is settled (日结): it takes no more payments, voids or refunds.</translation>
    </message>
    <message>
        <source>This needs a supervisor&apos;s approval: the supervisor signs in with their own code.</source>
        <translation>This needs a supervisor&apos;s approval: the supervisor signs in with their own code.</translation>
    </message>
    <message>
        <source>The approving operator does not exist.</source>
        <translation>The approving operator does not exist.</translation>
    </message>
    <message>
        <source>%1 is disabled and cannot approve.</source>
        <translation>%1 is disabled and cannot approve.</translation>
    </message>
    <message>
        <source>%1 is not a supervisor: only a supervisor can approve this.</source>
        <translation>%1 is not a supervisor: only a supervisor can approve this.</translation>
    </message>
    <message>
        <source>You cannot approve your own request: another person, a supervisor, has to approve it.</source>
        <translation>You cannot approve your own request: another person, a supervisor, has to approve it.</translation>
    </message>
    <message>
        <source>A void needs a reason.</source>
        <translation>A void needs a reason.</translation>
    </message>
    <message>
        <source>Receipt %1 is a refund; a refund is not voided.</source>
        <translation>Receipt %1 is a refund; a refund is not voided.</translation>
    </message>
    <message>
        <source>The payment of receipt %1 is voided already.</source>
        <translation>The payment of receipt %1 is voided already.</translation>
    </message>
    <message>
        <source>Receipt %1 is of %2: only a payment of today (%3) can be voided; later corrections are refunds or adjustments.</source>
        <translation>Receipt %1 is of %2: only a payment of today (%3) can be voided; later corrections are refunds or adjustments.</translation>
    </message>
    <message>
        <source>The shift of receipt %1 is settled (日结); its payments can no longer be voided.</source>
        <translation>The shift of receipt %1 is settled (日结); its payments can no longer be voided.</translation>
    </message>
    <message>
        <source>The prepaid balance of %1 was spent meanwhile; the payment cannot be voided.</source>
        <translation>The prepaid balance of %1 was spent meanwhile; the payment cannot be voided.</translation>
    </message>
    <message>
        <source>A refund must be more than zero, not %1.</source>
        <translation>A refund must be more than zero, not %1.</translation>
    </message>
    <message>
        <source>A refund needs a reason.</source>
        <translation>A refund needs a reason.</translation>
    </message>
    <message>
        <source>The prepaid balance of %1 is %2; %3 cannot be refunded.</source>
        <translation>The prepaid balance of %1 is %2; %3 cannot be refunded.</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>accounts</translation>
    </message>
    <message>
        <source>tenders</source>
        <translation>tenders</translation>
    </message>
    <message>
        <source>waivers</source>
        <translation>waivers</translation>
    </message>
    <message>
        <source>receipt mode</source>
        <translation>receipt mode</translation>
    </message>
    <message>
        <source>The UUID %1 belongs to a payment recorded with another %2; a new payment needs a new UUID.</source>
        <translation>The UUID %1 belongs to a payment recorded with another %2; a new payment needs a new UUID.</translation>
    </message>
    <message>
        <source>Bill %1 of account %2 is issued on %3, after today&apos;s business date %4: check the hall&apos;s clock and the bill.</source>
        <translation>Bill %1 of account %2 is issued on %3, after today&apos;s business date %4: check the hall&apos;s clock and the bill.</translation>
    </message>
    <message>
        <source>%1 does not hold the counter clerk role: only a clerk takes or pays out money.</source>
        <translation>%1 does not hold the counter clerk role: only a clerk takes or pays out money.</translation>
    </message>
    <message>
        <source>Receipt %1 was taken by %2 at another drawer: only the clerk who took a payment voids it, at the same terminal.</source>
        <translation>Receipt %1 was taken by %2 at another drawer: only the clerk who took a payment voids it, at the same terminal.</translation>
    </message>
</context>
<context>
    <name>CustomerClass</name>
    <message>
        <source>Residential</source>
        <translation>Residential</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Commercial</translation>
    </message>
    <message>
        <source>Large industrial</source>
        <translation>Large industrial</translation>
    </message>
    <message>
        <source>Agricultural</source>
        <translation>Agricultural</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>The demo makes 1 to %1 accounts, not %2.</source>
        <translation>The demo makes 1 to %1 accounts, not %2.</translation>
    </message>
    <message>
        <source>The demo&apos;s date must lie between the years 2000 and 2999.</source>
        <translation>The demo&apos;s date must lie between the years 2000 and 2999.</translation>
    </message>
    <message>
        <source>%1 exists already; the demo never overwrites a file.</source>
        <translation>%1 exists already; the demo never overwrites a file.</translation>
    </message>
    <message>
        <source>There is no folder %1 to create the demo store in.</source>
        <translation>There is no folder %1 to create the demo store in.</translation>
    </message>
    <message>
        <source>The demo store could not be saved as %1 (does it exist already?).</source>
        <translation>The demo store could not be saved as %1 (does it exist already?).</translation>
    </message>
</context>
<context>
    <name>DemoWriter</name>
    <message>
        <source>Cannot open %1 to fill it with demo data: %2</source>
        <translation>Cannot open %1 to fill it with demo data: %2</translation>
    </message>
    <message>
        <source>The store has no trigger %1; this demo generator does not match its schema.</source>
        <translation>The store has no trigger %1; this demo generator does not match its schema.</translation>
    </message>
    <message>
        <source>The demo store cannot be switched to WAL mode.</source>
        <translation>The demo store cannot be switched to WAL mode.</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Choose one in the print preview, or ask the administrator to install the receipt printer.</source>
        <translation>No printer is set up on this computer. Choose one in the print preview, or ask the administrator to install the receipt printer.</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>There is no printer &quot;%1&quot; on this computer.</source>
        <translation>There is no printer &quot;%1&quot; on this computer.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer.</source>
        <translation>No printer is set up on this computer.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; cannot be opened.</source>
        <translation>The printer &quot;%1&quot; cannot be opened.</translation>
    </message>
    <message>
        <source>Printing &quot;%1&quot; failed.</source>
        <translation>Printing &quot;%1&quot; failed.</translation>
    </message>
    <message>
        <source>No printer installed</source>
        <translation>No printer installed</translation>
    </message>
    <message>
        <source>This computer has no printer yet: ask the administrator to install the receipt printer. Print can still write a PDF file.</source>
        <translation>This computer has no printer yet: ask the administrator to install the receipt printer. Print can still write a PDF file.</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Printer:</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>P&amp;aper:</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>EncryptedVolume</name>
    <message>
        <source>%1 (%2 on %3) is on an encrypted device: %4.</source>
        <translation>%1 (%2 on %3) is on an encrypted device: %4.</translation>
    </message>
    <message>
        <source>The store&apos;s folder is encrypted with fscrypt (%1 on %2).</source>
        <translation>The store&apos;s folder is encrypted with fscrypt (%1 on %2).</translation>
    </message>
    <message>
        <source>%1 (%2 on %3) is not on an encrypted device: %4.</source>
        <translation>%1 (%2 on %3) is not on an encrypted device: %4.</translation>
    </message>
    <message>
        <source>HallDesk cannot tell whether the store&apos;s file system is encrypted: %1.</source>
        <translation>HallDesk cannot tell whether the store&apos;s file system is encrypted: %1.</translation>
    </message>
    <message>
        <source>%1 cannot be examined</source>
        <translation>%1 cannot be examined</translation>
    </message>
    <message>
        <source>fscrypt</source>
        <translation>fscrypt</translation>
    </message>
    <message>
        <source>device %1:%2 is not in /proc/self/mountinfo</source>
        <translation>device %1:%2 is not in /proc/self/mountinfo</translation>
    </message>
    <message>
        <source>%1 is not a block device</source>
        <translation>%1 is not a block device</translation>
    </message>
    <message>
        <source>dm-crypt under %1</source>
        <translation>dm-crypt under %1</translation>
    </message>
    <message>
        <source>no dm-crypt under %1</source>
        <translation>no dm-crypt under %1</translation>
    </message>
</context>
<context>
    <name>HallDesk::AccountHeader</name>
    <message>
        <source>← Lookup</source>
        <translation>← Lookup</translation>
    </message>
    <message>
        <source>Back to the customer lookup (Esc)</source>
        <translation>Back to the customer lookup (Esc)</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>Transformer area</source>
        <translation>Transformer area</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation>Meter no.</translation>
    </message>
    <message>
        <source>Prepaid balance</source>
        <translation>Prepaid balance</translation>
    </message>
    <message>
        <source>Payer group</source>
        <translation>Payer group</translation>
    </message>
    <message>
        <source>Total due today</source>
        <translation>Total due today</translation>
    </message>
    <message>
        <source>Contacts outdated</source>
        <translation>Contacts outdated</translation>
    </message>
    <message>
        <source>The contact data has not been confirmed for over a year. Check it with the customer.</source>
        <translation>The contact data has not been confirmed for over a year. Check it with the customer.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nothing outstanding on %1</source>
        <translation>Nothing outstanding on %1</translation>
    </message>
    <message>
        <source>Arrears %1 + late fee %2
as of %3</source>
        <translation>Arrears %1 + late fee %2
as of %3</translation>
    </message>
    <message>
        <source>Pay at the counter  (Ctrl+Enter)</source>
        <translation>Pay at the counter  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Arrears %1 + late fee %2 − prepaid %3
as of %4</source>
        <translation>Arrears %1 + late fee %2 − prepaid %3
as of %4</translation>
    </message>
</context>
<context>
    <name>HallDesk::AccountSummaryModel</name>
    <message>
        <source>Account No.</source>
        <translation>Account No.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Arrears (¥)</source>
        <translation>Arrears (¥)</translation>
    </message>
</context>
<context>
    <name>HallDesk::AccountView</name>
    <message>
        <source>No account is open.
Find a customer on the Lookup screen (F2).</source>
        <translation>No account is open.
Find a customer on the Lookup screen (F2).</translation>
    </message>
    <message>
        <source>Open bills</source>
        <translation>Open bills</translation>
    </message>
    <message>
        <source>Recent bills</source>
        <translation>Recent bills</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Payer group</source>
        <translation>Payer group</translation>
    </message>
    <message>
        <source>There is no account %1 in this hall&apos;s records.</source>
        <translation>There is no account %1 in this hall&apos;s records.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Open bills (%1)</source>
        <translation>Open bills (%1)</translation>
    </message>
    <message>
        <source>No open bills. Everything billed has been paid.</source>
        <translation>No open bills. Everything billed has been paid.</translation>
    </message>
    <message>
        <source>Open bills: %1, the oldest due %2. Outstanding %3, late fee %4 as of %5 (policy %6).</source>
        <translation>Open bills: %1, the oldest due %2. Outstanding %3, late fee %4 as of %5 (policy %6).</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>No bills in the last 13 months.</source>
        <translation>No bills in the last 13 months.</translation>
    </message>
    <message>
        <source>Bills of the last 13 months, newest first: %1.</source>
        <translation>Bills of the last 13 months, newest first: %1.</translation>
    </message>
    <message>
        <source>Contacts (outdated)</source>
        <translation>Contacts (outdated)</translation>
    </message>
    <message>
        <source>Payer group (%1)</source>
        <translation>Payer group (%1)</translation>
    </message>
</context>
<context>
    <name>HallDesk::ApprovalDialog</name>
    <message>
        <source>A supervisor types their own code and password</source>
        <translation>A supervisor types their own code and password</translation>
    </message>
    <message>
        <source>Why, in a few words (required)</source>
        <translation>Why, in a few words (required)</translation>
    </message>
    <message>
        <source>Supervisor&apos;s operator code</source>
        <translation>Supervisor&apos;s operator code</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Supervisor &amp;code</source>
        <translation>Supervisor &amp;code</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Enter the reason.</source>
        <translation>Enter the reason.</translation>
    </message>
    <message>
        <source>The supervisor enters their operator code.</source>
        <translation>The supervisor enters their operator code.</translation>
    </message>
    <message>
        <source>Approval needs a second person: a supervisor other than you.</source>
        <translation>Approval needs a second person: a supervisor other than you.</translation>
    </message>
    <message>
        <source>The supervisor enters their password.</source>
        <translation>The supervisor enters their password.</translation>
    </message>
    <message>
        <source>The approval was refused.</source>
        <translation>The approval was refused.</translation>
    </message>
</context>
<context>
    <name>HallDesk::BillTableModel</name>
    <message>
        <source>%1 days overdue (%2 in the due year, %3 in later years), policy %4 version %5</source>
        <translation>%1 days overdue (%2 in the due year, %3 in later years), policy %4 version %5</translation>
    </message>
    <message>
        <source>Issued %1</source>
        <translation>Issued %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>Late fee today</source>
        <translation>Late fee today</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>HallDesk::ContactDialog</name>
    <message>
        <source>Account %1 · %2</source>
        <translation>Account %1 · %2</translation>
    </message>
    <message>
        <source>Last updated %1. Saving also confirms the data as current.</source>
        <translation>Last updated %1. Saving also confirms the data as current.</translation>
    </message>
    <message>
        <source>No contact data has been recorded yet.</source>
        <translation>No contact data has been recorded yet.</translation>
    </message>
</context>
<context>
    <name>HallDesk::ContactPanel</name>
    <message>
        <source>Show numbers</source>
        <translation>Show numbers</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Landline</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>ID card no.</source>
        <translation>ID card no.</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Last updated</translation>
    </message>
    <message>
        <source>Shows the full numbers. This is recorded in the audit log.</source>
        <translation>Shows the full numbers. This is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Update the contact data in one step</source>
        <translation>Update the contact data in one step</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>The contact data was last confirmed on %1, more than a year ago. Please check it with the customer and update it.</source>
        <translation>The contact data was last confirmed on %1, more than a year ago. Please check it with the customer and update it.</translation>
    </message>
    <message>
        <source>No contact data has been confirmed for this account. Please ask the customer and record it.</source>
        <translation>No contact data has been confirmed for this account. Please ask the customer and record it.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Check ID card…</source>
        <translation>Check ID card…</translation>
    </message>
    <message>
        <source>Compare the customer&apos;s ID card with the account at the centre. The cache keeps only the first six and last four characters.</source>
        <translation>Compare the customer&apos;s ID card with the account at the centre. The cache keeps only the first six and last four characters.</translation>
    </message>
    <message>
        <source>Check ID card</source>
        <translation>Check ID card</translation>
    </message>
    <message>
        <source>The number on the customer&apos;s ID card (account %1, %2):</source>
        <translation>The number on the customer&apos;s ID card (account %1, %2):</translation>
    </message>
</context>
<context>
    <name>HallDesk::CounterScreen</name>
    <message>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <source>户号 or bill barcode, Enter</source>
        <translation>户号 or bill barcode, Enter</translation>
    </message>
    <message>
        <source>Type or scan a 户号 or a bill barcode and press Enter. Another 户号 adds an account to the payment. Ctrl+K comes back here.</source>
        <translation>Type or scan a 户号 or a bill barcode and press Enter. Another 户号 adds an account to the payment. Ctrl+K comes back here.</translation>
    </message>
    <message>
        <source>+ Payer group  Ctrl+G</source>
        <translation>+ Payer group  Ctrl+G</translation>
    </message>
    <message>
        <source>Adds the other accounts of the loaded account&apos;s payer group (集团户)</source>
        <translation>Adds the other accounts of the loaded account&apos;s payer group (集团户)</translation>
    </message>
    <message>
        <source>Next customer  Ctrl+N</source>
        <translation>Next customer  Ctrl+N</translation>
    </message>
    <message>
        <source>Settle shift…  F12</source>
        <translation>Settle shift…  F12</translation>
    </message>
    <message>
        <source>Oldest first, the order a payment settles them</source>
        <translation>Oldest first, the order a payment settles them</translation>
    </message>
    <message>
        <source>Ctrl+B moves into the bills; Ctrl+E waives the selected bill&apos;s late fee</source>
        <translation>Ctrl+B moves into the bills; Ctrl+E waives the selected bill&apos;s late fee</translation>
    </message>
    <message>
        <source>Waive late fee…  Ctrl+E</source>
        <translation>Waive late fee…  Ctrl+E</translation>
    </message>
    <message>
        <source>Open bills</source>
        <translation>Open bills</translation>
    </message>
    <message>
        <source>No open bills</source>
        <translation>No open bills</translation>
    </message>
    <message>
        <source>Open bills (%1)</source>
        <translation>Open bills (%1)</translation>
    </message>
    <message>
        <source>Account %1 is loaded already.</source>
        <translation>Account %1 is loaded already.</translation>
    </message>
    <message>
        <source>Finish or clear (Ctrl+N) the payment under way before adding an account.</source>
        <translation>Finish or clear (Ctrl+N) the payment under way before adding an account.</translation>
    </message>
    <message>
        <source>Load an account of the payer group first.</source>
        <translation>Load an account of the payer group first.</translation>
    </message>
    <message>
        <source>Account %1 belongs to no payer group with other accounts.</source>
        <translation>Account %1 belongs to no payer group with other accounts.</translation>
    </message>
    <message>
        <source>Finish or clear (Ctrl+N) the payment under way before adding accounts.</source>
        <translation>Finish or clear (Ctrl+N) the payment under way before adding accounts.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n account(s) of the payer group.</source>
        <translation>
            <numerusform>Added %n account of the payer group.</numerusform>
            <numerusform>Added %n accounts of the payer group.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type or scan a 户号 and press Enter.</source>
        <translation>Type or scan a 户号 and press Enter.</translation>
    </message>
    <message>
        <source>Principal %1</source>
        <translation>Principal %1</translation>
    </message>
    <message>
        <source>late fee %1</source>
        <translation>late fee %1</translation>
    </message>
    <message>
        <source>waived %1</source>
        <translation>waived %1</translation>
    </message>
    <message>
        <source>prepaid −%1</source>
        <translation>prepaid −%1</translation>
    </message>
    <message>
        <source>Nothing due: a payment goes to the prepaid balance.</source>
        <translation>Nothing due: a payment goes to the prepaid balance.</translation>
    </message>
    <message>
        <source>prepaid %1</source>
        <translation>prepaid %1</translation>
    </message>
    <message>
        <source>disconnected for arrears</source>
        <translation>disconnected for arrears</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Load an account first: type or scan its 户号 and press Enter.</source>
        <translation>Load an account first: type or scan its 户号 and press Enter.</translation>
    </message>
    <message>
        <source>Enter how the customer pays first: F5 cash, F6 card, F7 QR, F8 transfer.</source>
        <translation>Enter how the customer pays first: F5 cash, F6 card, F7 QR, F8 transfer.</translation>
    </message>
    <message>
        <source>Paid %1 — receipt %2.</source>
        <translation>Paid %1 — receipt %2.</translation>
    </message>
    <message>
        <source>Change %1.</source>
        <translation>Change %1.</translation>
    </message>
    <message>
        <source>Prepaid balance of %1 now %2.</source>
        <translation>Prepaid balance of %1 now %2.</translation>
    </message>
    <message>
        <source>The amounts due were read again; enter the payment again.</source>
        <translation>The amounts due were read again; enter the payment again.</translation>
    </message>
    <message>
        <source>No loaded bill carries a late fee today.</source>
        <translation>No loaded bill carries a late fee today.</translation>
    </message>
    <message>
        <source>Waive a late fee (违约金减免)</source>
        <translation>Waive a late fee (违约金减免)</translation>
    </message>
    <message>
        <source>Account %1, bill %2 (due %3): the late fee today is %4 for %5 overdue days. Enter the fee still to be charged (0.00 waives it in full).</source>
        <translation>Account %1, bill %2 (due %3): the late fee today is %4 for %5 overdue days. Enter the fee still to be charged (0.00 waives it in full).</translation>
    </message>
    <message>
        <source>&amp;Late fee charged</source>
        <translation>&amp;Late fee charged</translation>
    </message>
    <message>
        <source>The fee charged must be less than the computed fee %1.</source>
        <translation>The fee charged must be less than the computed fee %1.</translation>
    </message>
    <message>
        <source>Late fee of %1 %2 reduced from %3 to %4, approved by %5. It is written with the payment.</source>
        <translation>Late fee of %1 %2 reduced from %3 to %4, approved by %5. It is written with the payment.</translation>
    </message>
    <message>
        <source>No loaded account has a prepaid balance to refund.</source>
        <translation>No loaded account has a prepaid balance to refund.</translation>
    </message>
    <message>
        <source>Finish or clear (Ctrl+N) the payment under way before a refund.</source>
        <translation>Finish or clear (Ctrl+N) the payment under way before a refund.</translation>
    </message>
    <message>
        <source>Refund prepaid balance</source>
        <translation>Refund prepaid balance</translation>
    </message>
    <message>
        <source>Account %1 (%2) has a prepaid balance of %3. The refund is paid out in cash from the drawer and takes a receipt number.</source>
        <translation>Account %1 (%2) has a prepaid balance of %3. The refund is paid out in cash from the drawer and takes a receipt number.</translation>
    </message>
    <message>
        <source>&amp;Amount to pay out</source>
        <translation>&amp;Amount to pay out</translation>
    </message>
    <message>
        <source>The refund must be more than zero and at most the balance %1.</source>
        <translation>The refund must be more than zero and at most the balance %1.</translation>
    </message>
    <message>
        <source>Refunded %1 from the prepaid balance of %2 — receipt %3. Pay it out from the drawer; the balance is now %4.</source>
        <translation>Refunded %1 from the prepaid balance of %2 — receipt %3. Pay it out from the drawer; the balance is now %4.</translation>
    </message>
    <message>
        <source>Finish or clear (Ctrl+N) the payment under way before settling.</source>
        <translation>Finish or clear (Ctrl+N) the payment under way before settling.</translation>
    </message>
    <message numerus="yes">
        <source>Shift settled: %n payment(s), variance %1. This shift takes no more payments.</source>
        <translation>
            <numerusform>Shift settled: %n payment, variance %1. This shift takes no more payments.</numerusform>
            <numerusform>Shift settled: %n payments, variance %1. This shift takes no more payments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HallDesk::Desk</name>
    <message>
        <source>Customer data at rest</source>
        <translation>Customer data at rest</translation>
    </message>
</context>
<context>
    <name>HallDesk::DueBillModel</name>
    <message>
        <source>%1 (waived from %2)</source>
        <translation>%1 (waived from %2)</translation>
    </message>
    <message>
        <source>%1 (%2 d)</source>
        <translation>%1 (%2 d)</translation>
    </message>
    <message>
        <source>%1 overdue days, policy %2 version %3. Ctrl+E waives or reduces it (supervisor).</source>
        <translation>%1 overdue days, policy %2 version %3. Ctrl+E waives or reduces it (supervisor).</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Late fee today</source>
        <translation>Late fee today</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>HallDesk::FillProgressDialog</name>
    <message>
        <source>Filling this terminal from the central server</source>
        <translation>Filling this terminal from the central server</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stopping after the rows under way…</source>
        <translation>Stopping after the rows under way…</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>Halls</translation>
    </message>
    <message>
        <source>Late-fee policies</source>
        <translation>Late-fee policies</translation>
    </message>
    <message>
        <source>Late-fee rates</source>
        <translation>Late-fee rates</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Terminals</translation>
    </message>
    <message>
        <source>Transformer areas</source>
        <translation>Transformer areas</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Payer groups</source>
        <translation>Payer groups</translation>
    </message>
    <message>
        <source>Payer group members</source>
        <translation>Payer group members</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>Bills</translation>
    </message>
    <message>
        <source>Everything has been copied. Building the search index of the accounts…</source>
        <translation>Everything has been copied. Building the search index of the accounts…</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>Search index</translation>
    </message>
    <message>
        <source>The hall&apos;s accounts and bills are being copied from the central server into this terminal&apos;s store.
%1: %2 rows so far.</source>
        <translation>The hall&apos;s accounts and bills are being copied from the central server into this terminal&apos;s store.
%1: %2 rows so far.</translation>
    </message>
</context>
<context>
    <name>HallDesk::LockScreen</name>
    <message>
        <source>This terminal is locked</source>
        <translation>This terminal is locked</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2). Enter the password to continue.</source>
        <translation>Signed in: %1 (%2). Enter the password to continue.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Ends this session; another operator can then sign in.</source>
        <translation>Ends this session; another operator can then sign in.</translation>
    </message>
    <message>
        <source>Locked at %1</source>
        <translation>Locked at %1</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>The password is not correct.</translation>
    </message>
</context>
<context>
    <name>HallDesk::LookupScreen</name>
    <message>
        <source>Find a customer</source>
        <translation>Find a customer</translation>
    </message>
    <message>
        <source>Account no., name, address, mobile or its last 4 digits, meter no. — or scan the bill&apos;s barcode</source>
        <translation>Account no., name, address, mobile or its last 4 digits, meter no. — or scan the bill&apos;s barcode</translation>
    </message>
    <message>
        <source>Results appear as you type. ↓ moves into the list, Enter opens an account, Esc clears.</source>
        <translation>Results appear as you type. ↓ moves into the list, Enter opens an account, Esc clears.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>No match for “%1”. Try part of the name or address, the last four digits of the mobile, or the meter number.</source>
        <translation>No match for “%1”. Try part of the name or address, the last four digits of the mobile, or the meter number.</translation>
    </message>
    <message>
        <source>More than %1 matches, best first. Type more to narrow them down.</source>
        <translation>More than %1 matches, best first. Type more to narrow them down.</translation>
    </message>
    <message>
        <source>1 match. Enter opens it.</source>
        <translation>1 match. Enter opens it.</translation>
    </message>
    <message>
        <source>%1 matches. ↓ and Enter open one.</source>
        <translation>%1 matches. ↓ and Enter open one.</translation>
    </message>
</context>
<context>
    <name>HallDesk::LookupWorker</name>
    <message>
        <source>The search failed: %1</source>
        <translation>The search failed: %1</translation>
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
        <translation>Back to lookup</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>About HallDesk</source>
        <translation>About HallDesk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Screens</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>%1 · Terminal %2</source>
        <translation>%1 · Terminal %2</translation>
    </message>
    <message>
        <source>Business date %1</source>
        <translation>Business date %1</translation>
    </message>
    <message>
        <source>Business date unknown</source>
        <translation>Business date unknown</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HallDesk %1&lt;/h3&gt;&lt;p&gt;Counter and back office for an electricity service hall.&lt;/p&gt;&lt;p&gt;Store: %2&lt;br/&gt;Qt %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HallDesk %1&lt;/h3&gt;&lt;p&gt;Counter and back office for an electricity service hall.&lt;/p&gt;&lt;p&gt;Store: %2&lt;br/&gt;Qt %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pay this account</source>
        <translation>Pay this account</translation>
    </message>
    <message>
        <source>Open the counter with the account in the lookup or the account view (Ctrl+Enter)</source>
        <translation>Open the counter with the account in the lookup or the account view (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Printed receipt %1.</source>
        <translation>Printed receipt %1.</translation>
    </message>
    <message>
        <source>The settlement is recorded; no printer to print its report on.</source>
        <translation>The settlement is recorded; no printer to print its report on.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Send the pending events to the central server and fetch its changes now (Ctrl+Shift+S)</source>
        <translation>Send the pending events to the central server and fetch its changes now (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Central server…</source>
        <translation>Central server…</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>S&amp;ettings</translation>
    </message>
    <message>
        <source>Print receipt again</source>
        <translation>Print receipt again</translation>
    </message>
    <message>
        <source>Prints the receipt selected in today&apos;s payments (the newest when none is) again, marked 重打 (Ctrl+P)</source>
        <translation>Prints the receipt selected in today&apos;s payments (the newest when none is) again, marked 重打 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Shows the receipt selected in today&apos;s payments with the choice of printer and paper (Ctrl+Shift+P)</source>
        <translation>Shows the receipt selected in today&apos;s payments with the choice of printer and paper (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Printers and paper…</source>
        <translation>Printers and paper…</translation>
    </message>
    <message>
        <source>Printer settings saved.</source>
        <translation>Printer settings saved.</translation>
    </message>
    <message>
        <source>Receipt %1 is recorded; no receipt printer.</source>
        <translation>Receipt %1 is recorded; no receipt printer.</translation>
    </message>
</context>
<context>
    <name>HallDesk::PayerGroupPanel</name>
    <message>
        <source>This account is not in a payer group.</source>
        <translation>This account is not in a payer group.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Payer group %1 has no other accounts.</source>
        <translation>Payer group %1 has no other accounts.</translation>
    </message>
    <message>
        <source>Payer group %1. Other accounts: %2, with %3 in arrears together. Enter or a double-click opens one.</source>
        <translation>Payer group %1. Other accounts: %2, with %3 in arrears together. Enter or a double-click opens one.</translation>
    </message>
</context>
<context>
    <name>HallDesk::PrinterSettingsDialog</name>
    <message>
        <source>Printers and paper</source>
        <translation>Printers and paper</translation>
    </message>
    <message>
        <source>&amp;Receipt printer:</source>
        <translation>&amp;Receipt printer:</translation>
    </message>
    <message>
        <source>Receipt &amp;paper:</source>
        <translation>Receipt &amp;paper:</translation>
    </message>
    <message>
        <source>Re&amp;port printer:</source>
        <translation>Re&amp;port printer:</translation>
    </message>
    <message>
        <source>These settings belong to this computer. A receipt prints at once on the receipt printer after each payment; without one, the print preview opens so that a printer can be chosen there.</source>
        <translation>These settings belong to this computer. A receipt prints at once on the receipt printer after each payment; without one, the print preview opens so that a printer can be chosen there.</translation>
    </message>
    <message>
        <source>This computer has no printer installed yet: install the receipt printer first (CUPS).</source>
        <translation>This computer has no printer installed yet: install the receipt printer first (CUPS).</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (not installed)</translation>
    </message>
</context>
<context>
    <name>HallDesk::PrivateFiles</name>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Cannot create %1: %2</translation>
    </message>
    <message>
        <source>Cannot make %1 private: %2</source>
        <translation>Cannot make %1 private: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <translation>Cannot create the folder %1: %2</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 private: %2</source>
        <translation>Cannot make the folder %1 private: %2</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 is not a folder.</translation>
    </message>
</context>
<context>
    <name>HallDesk::RejectedEventModel</name>
    <message>
        <source>Reviewed (%1)</source>
        <translation>Reviewed (%1)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Account(s)</source>
        <translation>Account(s)</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Centre&apos;s reason</source>
        <translation>Centre&apos;s reason</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>HallDesk::RejectedEventsScreen</name>
    <message>
        <source>Show reviewed &amp;too</source>
        <translation>Show reviewed &amp;too</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Send &amp;again</translation>
    </message>
    <message>
        <source>Mark &amp;reviewed…</source>
        <translation>Mark &amp;reviewed…</translation>
    </message>
    <message>
        <source>Events rejected by the centre</source>
        <translation>Events rejected by the centre</translation>
    </message>
    <message>
        <source>Also list the events a supervisor marked reviewed (Alt+T)</source>
        <translation>Also list the events a supervisor marked reviewed (Alt+T)</translation>
    </message>
    <message>
        <source>Puts the selected event back in the queue: the centre judges it again once it was corrected (for example, the account was created there). Alt+A</source>
        <translation>Puts the selected event back in the queue: the centre judges it again once it was corrected (for example, the account was created there). Alt+A</translation>
    </message>
    <message>
        <source>Keeps the selected event rejected and takes it off the open list, with your note. Alt+R</source>
        <translation>Keeps the selected event rejected and takes it off the open list, with your note. Alt+R</translation>
    </message>
    <message>
        <source>Every event this terminal sent was accepted, or is still waiting to be sent. Events the central server refuses appear here; nothing is dropped.</source>
        <translation>Every event this terminal sent was accepted, or is still waiting to be sent. Events the central server refuses appear here; nothing is dropped.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) refused by the central server wait for a supervisor. Correct the cause at the centre and send the event again, or mark it reviewed with a note.</source>
        <translation>
            <numerusform>%n event refused by the central server waits for a supervisor. Correct the cause at the centre and send the event again, or mark it reviewed with a note.</numerusform>
            <numerusform>%n events refused by the central server wait for a supervisor. Correct the cause at the centre and send the events again, or mark them reviewed with a note.</numerusform>
        </translation>
    </message>
    <message>
        <source>The centre has not rejected any event of this terminal.</source>
        <translation>The centre has not rejected any event of this terminal.</translation>
    </message>
    <message>
        <source>No open rejected events.</source>
        <translation>No open rejected events.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Select the event to send again.</source>
        <translation>Select the event to send again.</translation>
    </message>
    <message>
        <source>%1 is queued and goes to the centre with the next sync round.</source>
        <translation>%1 is queued and goes to the centre with the next sync round.</translation>
    </message>
    <message>
        <source>Send a rejected event again</source>
        <translation>Send a rejected event again</translation>
    </message>
    <message>
        <source>Send %1 to the centre again? The centre rejected it: %2. Do this once the cause was corrected at the centre.</source>
        <translation>Send %1 to the centre again? The centre rejected it: %2. Do this once the cause was corrected at the centre.</translation>
    </message>
    <message>
        <source>Select the event to mark reviewed.</source>
        <translation>Select the event to mark reviewed.</translation>
    </message>
    <message>
        <source>%1 stays rejected and leaves the open list. The centre said: %2</source>
        <translation>%1 stays rejected and leaves the open list. The centre said: %2</translation>
    </message>
    <message>
        <source>Mark a rejected event reviewed</source>
        <translation>Mark a rejected event reviewed</translation>
    </message>
    <message>
        <source>The reason is kept as the review note.</source>
        <translation>The reason is kept as the review note.</translation>
    </message>
    <message>
        <source>%1 is marked reviewed.</source>
        <translation>%1 is marked reviewed.</translation>
    </message>
</context>
<context>
    <name>HallDesk::ReviewNoteDialog</name>
    <message>
        <source>Mark a rejected event reviewed</source>
        <translation>Mark a rejected event reviewed</translation>
    </message>
    <message>
        <source>&amp;Note (required): what you found and what was done</source>
        <translation>&amp;Note (required): what you found and what was done</translation>
    </message>
    <message>
        <source>e.g. the customer paid twice; refunded at the counter on receipt …</source>
        <translation>e.g. the customer paid twice; refunded at the counter on receipt …</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Mark reviewed</translation>
    </message>
    <message>
        <source>Write the note first: what was found, and what was done about it.</source>
        <translation>Write the note first: what was found, and what was done about it.</translation>
    </message>
</context>
<context>
    <name>HallDesk::Screens</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>The account last opened (F3)</source>
        <translation>The account last opened (F3)</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Take payments (F4)</source>
        <translation>Take payments (F4)</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <source>Find a customer (F2)</source>
        <translation>Find a customer (F2)</translation>
    </message>
    <message>
        <source>Rejected events</source>
        <translation>Rejected events</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Events the central server rejected, for a supervisor (Ctrl+F5)</source>
        <translation>Events the central server rejected, for a supervisor (Ctrl+F5)</translation>
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
        <translation>&amp;Blind count: hide the expected totals until the count is submitted</translation>
    </message>
    <message>
        <source>Settle the shift (日结)</source>
        <translation>Settle the shift (日结)</translation>
    </message>
    <message>
        <source>Settlement of %1 (%2), terminal %3, business date %4</source>
        <translation>Settlement of %1 (%2), terminal %3, business date %4</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s), </source>
        <translation>
            <numerusform>%n payment, </numerusform>
            <numerusform>%n payments, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voided, </source>
        <translation>
            <numerusform>%n voided, </numerusform>
            <numerusform>%n voided, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refund(s)</source>
        <translation>
            <numerusform>%n refund</numerusform>
            <numerusform>%n refunds</numerusform>
        </translation>
    </message>
    <message>
        <source> · receipts %1 to %2</source>
        <translation> · receipts %1 to %2</translation>
    </message>
    <message>
        <source>Cash in the drawer</source>
        <translation>Cash in the drawer</translation>
    </message>
    <message>
        <source>Per tender</source>
        <translation>Per tender</translation>
    </message>
    <message>
        <source>Submit count</source>
        <translation>Submit count</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>Denomination</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Tender</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Difference in all</source>
        <translation>Difference in all</translation>
    </message>
    <message>
        <source>Blind count: what the shift took shows once you submit the count.</source>
        <translation>Blind count: what the shift took shows once you submit the count.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The count differs from what the shift took by %1. A supervisor approves the difference with a reason.</source>
        <translation>The count differs from what the shift took by %1. A supervisor approves the difference with a reason.</translation>
    </message>
    <message>
        <source>Approve a settlement difference</source>
        <translation>Approve a settlement difference</translation>
    </message>
    <message>
        <source>Shift of %1 on %2: counted differs from expected by %3.</source>
        <translation>Shift of %1 on %2: counted differs from expected by %3.</translation>
    </message>
    <message>
        <source>Ask for approval again</source>
        <translation>Ask for approval again</translation>
    </message>
</context>
<context>
    <name>HallDesk::ShiftPanel</name>
    <message>
        <source>Void…  F11</source>
        <translation>Void…  F11</translation>
    </message>
    <message>
        <source>Reprint  Ctrl+P</source>
        <translation>Reprint  Ctrl+P</translation>
    </message>
    <message>
        <source>Prints the selected payment&apos;s receipt again, marked 重打 (Ctrl+P; Ctrl+Shift+P shows a print preview)</source>
        <translation>Prints the selected payment&apos;s receipt again, marked 重打 (Ctrl+P; Ctrl+Shift+P shows a print preview)</translation>
    </message>
    <message>
        <source>Voids (冲正) the selected payment of today, with a supervisor&apos;s approval (F11)</source>
        <translation>Voids (冲正) the selected payment of today, with a supervisor&apos;s approval (F11)</translation>
    </message>
    <message>
        <source>Today&apos;s payments</source>
        <translation>Today&apos;s payments</translation>
    </message>
    <message>
        <source>Ctrl+T moves into the list</source>
        <translation>Ctrl+T moves into the list</translation>
    </message>
    <message>
        <source>Today&apos;s payments (%1)</source>
        <translation>Today&apos;s payments (%1)</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>None yet.</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>%1 in all</translation>
    </message>
    <message numerus="yes">
        <source> · %n voided</source>
        <translation>
            <numerusform> · %n voided</numerusform>
            <numerusform> · %n voided</numerusform>
        </translation>
    </message>
    <message>
        <source> · settled, no more payments on this shift</source>
        <translation> · settled, no more payments on this shift</translation>
    </message>
    <message>
        <source>Select the payment to void in today&apos;s payments (Ctrl+T).</source>
        <translation>Select the payment to void in today&apos;s payments (Ctrl+T).</translation>
    </message>
    <message>
        <source>Receipt %1 is voided already.</source>
        <translation>Receipt %1 is voided already.</translation>
    </message>
    <message>
        <source>Void receipt %1 of %2 (account %3)? The bills and prepaid balances return to their state before the payment; the receipt stays on record, marked void. Hand the money back to the customer.</source>
        <translation>Void receipt %1 of %2 (account %3)? The bills and prepaid balances return to their state before the payment; the receipt stays on record, marked void. Hand the money back to the customer.</translation>
    </message>
    <message>
        <source>Void a payment (冲正)</source>
        <translation>Void a payment (冲正)</translation>
    </message>
    <message>
        <source>Voided receipt %1: %2 to hand back, approved by %3.</source>
        <translation>Voided receipt %1: %2 to hand back, approved by %3.</translation>
    </message>
    <message>
        <source>No payment today yet whose receipt could be printed again.</source>
        <translation>No payment today yet whose receipt could be printed again.</translation>
    </message>
</context>
<context>
    <name>HallDesk::ShiftPaymentModel</name>
    <message>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>HallDesk::SignInDialog</name>
    <message>
        <source>Sign in — HallDesk</source>
        <translation>Sign in — HallDesk</translation>
    </message>
    <message>
        <source>HallDesk</source>
        <translation>HallDesk</translation>
    </message>
    <message>
        <source>%1 · Terminal %2</source>
        <translation>%1 · Terminal %2</translation>
    </message>
    <message>
        <source>e.g. clerk01</source>
        <translation>e.g. clerk01</translation>
    </message>
    <message>
        <source>&amp;Operator code</source>
        <translation>&amp;Operator code</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Enter your operator code.</source>
        <translation>Enter your operator code.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Sign-in was refused.</source>
        <translation>Sign-in was refused.</translation>
    </message>
</context>
<context>
    <name>HallDesk::SyncSettingsDialog</name>
    <message>
        <source>Central server</source>
        <translation>Central server</translation>
    </message>
    <message>
        <source>postgresql://role:password@host:5432/database</source>
        <translation>postgresql://role:password@host:5432/database</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>Server URL:</translation>
    </message>
    <message>
        <source>Leave empty to work offline without a central server.</source>
        <translation>Leave empty to work offline without a central server.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Cannot connect: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>HallDesk::SyncStatusLabel</name>
    <message>
        <source>Sync off</source>
        <translation>Sync off</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Syncing %1 %2%</source>
        <translation>Syncing %1 %2%</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>last sync %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>Central server: %1</source>
        <translation>Central server: %1</translation>
    </message>
    <message>
        <source>No central server is set up: this terminal works offline.</source>
        <translation>No central server is set up: this terminal works offline.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n seconds.</source>
        <translation>
            <numerusform>Next try in %n seconds.</numerusform>
            <numerusform>Next try in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) rejected by the centre wait for your review: Sync → Rejected events (Ctrl+F5).</source>
        <translation>
            <numerusform>%n event(s) rejected by the centre wait for your review: Sync → Rejected events (Ctrl+F5).</numerusform>
            <numerusform>%n event(s) rejected by the centre wait for your review: Sync → Rejected events (Ctrl+F5).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) rejected by the centre wait for a supervisor&apos;s review.</source>
        <translation>
            <numerusform>%n event(s) rejected by the centre wait for a supervisor&apos;s review.</numerusform>
            <numerusform>%n event(s) rejected by the centre wait for a supervisor&apos;s review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HallDesk::SyncWorker</name>
    <message>
        <source>Connected to %1 (sync API version %2).</source>
        <translation>Connected to %1 (sync API version %2).</translation>
    </message>
    <message>
        <source>The last round was cancelled; the next one goes on from where it stopped.</source>
        <translation>The last round was cancelled; the next one goes on from where it stopped.</translation>
    </message>
</context>
<context>
    <name>HallDesk::TenderPanel</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Receipts  Ctrl+R</source>
        <translation>Receipts  Ctrl+R</translation>
    </message>
    <message>
        <source>Pay by %1 (%2)</source>
        <translation>Pay by %1 (%2)</translation>
    </message>
    <message>
        <source>money handed over</source>
        <translation>money handed over</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>&amp;Tendered</source>
        <translation>&amp;Tendered</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Tender lines of a split payment; Delete removes the selected line.</source>
        <translation>Tender lines of a split payment; Delete removes the selected line.</translation>
    </message>
    <message>
        <source>One combined receipt</source>
        <translation>One combined receipt</translation>
    </message>
    <message>
        <source>One receipt per account</source>
        <translation>One receipt per account</translation>
    </message>
    <message>
        <source>Ctrl+R switches</source>
        <translation>Ctrl+R switches</translation>
    </message>
    <message>
        <source>Take payment  (F9)</source>
        <translation>Take payment  (F9)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Reference</translation>
    </message>
    <message>
        <source>POS trace / reference number</source>
        <translation>POS trace / reference number</translation>
    </message>
    <message>
        <source>&amp;Order no.</source>
        <translation>&amp;Order no.</translation>
    </message>
    <message>
        <source>WeChat Pay / Alipay order number</source>
        <translation>WeChat Pay / Alipay order number</translation>
    </message>
    <message>
        <source>transfer or cheque reference</source>
        <translation>transfer or cheque reference</translation>
    </message>
    <message>
        <source>Enter the amount, or choose a method (F5–F8) to fill in what is due.</source>
        <translation>Enter the amount, or choose a method (F5–F8) to fill in what is due.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>The amount must be more than zero.</translation>
    </message>
    <message>
        <source>The money handed over (%1) is less than the amount (%2).</source>
        <translation>The money handed over (%1) is less than the amount (%2).</translation>
    </message>
    <message>
        <source>Enter the order number of the QR payment.</source>
        <translation>Enter the order number of the QR payment.</translation>
    </message>
    <message>
        <source>Enter the reference number of the %1 payment.</source>
        <translation>Enter the reference number of the %1 payment.</translation>
    </message>
    <message>
        <source>There is a cash line already; delete it (Delete in the list) to enter the cash again.</source>
        <translation>There is a cash line already; delete it (Delete in the list) to enter the cash again.</translation>
    </message>
    <message>
        <source>Change to hand back</source>
        <translation>Change to hand back</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>remaining %1</source>
        <translation>remaining %1</translation>
    </message>
    <message>
        <source>No tender yet</source>
        <translation>No tender yet</translation>
    </message>
    <message>
        <source>Entered %1</source>
        <translation>Entered %1</translation>
    </message>
    <message>
        <source>Surplus %1 → prepaid balance</source>
        <translation>Surplus %1 → prepaid balance</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Covered</translation>
    </message>
    <message>
        <source>Remaining %1</source>
        <translation>Remaining %1</translation>
    </message>
</context>
<context>
    <name>IdCardCheck</name>
    <message>
        <source>Enter the number on the ID card.</source>
        <translation>Enter the number on the ID card.</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>There is no account %1.</translation>
    </message>
    <message>
        <source>no central server is set up</source>
        <translation>no central server is set up</translation>
    </message>
    <message>
        <source>The centre confirms: this ID card belongs to the account holder.</source>
        <translation>The centre confirms: this ID card belongs to the account holder.</translation>
    </message>
    <message>
        <source>The centre says: this ID card does NOT belong to the account holder.</source>
        <translation>The centre says: this ID card does NOT belong to the account holder.</translation>
    </message>
    <message>
        <source>The centre refused: this counter has used its ID card checks for this hour. Check the card by eye, or ask a supervisor to check it from another counter later.</source>
        <translation>The centre refused: this counter has used its ID card checks for this hour. Check the card by eye, or ask a supervisor to check it from another counter later.</translation>
    </message>
    <message>
        <source>The centre cannot be reached. Offline only the first six and last four characters can be compared, and they match; the digits between were not checked.</source>
        <translation>The centre cannot be reached. Offline only the first six and last four characters can be compared, and they match; the digits between were not checked.</translation>
    </message>
    <message>
        <source>The centre cannot be reached. Offline only the first six and last four characters can be compared, and they do NOT match this card.</source>
        <translation>The centre cannot be reached. Offline only the first six and last four characters can be compared, and they do NOT match this card.</translation>
    </message>
</context>
<context>
    <name>Installation</name>
    <message>
        <source>&quot;%1&quot; is not a valid hall code (1 to 16 letters, digits, - or _).</source>
        <translation>&quot;%1&quot; is not a valid hall code (1 to 16 letters, digits, - or _).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid terminal code (1 to 16 letters, digits, - or _).</source>
        <translation>&quot;%1&quot; is not a valid terminal code (1 to 16 letters, digits, - or _).</translation>
    </message>
    <message>
        <source>The hall needs a name.</source>
        <translation>The hall needs a name.</translation>
    </message>
</context>
<context>
    <name>LateFee</name>
    <message>
        <source>The late-fee policy %1 has no rate for %2 customers.</source>
        <translation>The late-fee policy %1 has no rate for %2 customers.</translation>
    </message>
    <message>
        <source>The late fee on %1 is too large to compute.</source>
        <translation>The late fee on %1 is too large to compute.</translation>
    </message>
    <message>
        <source>The late-fee policy %1 lacks a rate for %2 customers (both year buckets are needed).</source>
        <translation>The late-fee policy %1 lacks a rate for %2 customers (both year buckets are needed).</translation>
    </message>
</context>
<context>
    <name>LookupService</name>
    <message>
        <source>This looks like a bill barcode, but its check digits are wrong. Scan it again or type the account number.</source>
        <translation>This looks like a bill barcode, but its check digits are wrong. Scan it again or type the account number.</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Missing migration %1.</source>
        <translation>Missing migration %1.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a HallDesk store: %2</source>
        <translation>%1 is damaged or is not a HallDesk store: %2</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a HallDesk store.</source>
        <translation>%1 is an SQLite database, but not a HallDesk store.</translation>
    </message>
    <message>
        <source>%1 was written by a newer HallDesk (store version %2; this program knows up to %3). Install the newer HallDesk; the file was left untouched.</source>
        <translation>%1 was written by a newer HallDesk (store version %2; this program knows up to %3). Install the newer HallDesk; the file was left untouched.</translation>
    </message>
    <message>
        <source>Upgrading %1 to version %2 failed: %3</source>
        <translation>Upgrading %1 to version %2 failed: %3</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>Enter an amount.</source>
        <translation>Enter an amount.</translation>
    </message>
    <message>
        <source>An amount is written with digits, a decimal point and thousands separators only; &quot;%1&quot; does not belong in it.</source>
        <translation>An amount is written with digits, a decimal point and thousands separators only; &quot;%1&quot; does not belong in it.</translation>
    </message>
    <message>
        <source>An amount has only one decimal point.</source>
        <translation>An amount has only one decimal point.</translation>
    </message>
    <message>
        <source>Write a digit before the decimal point (0.50, not .50).</source>
        <translation>Write a digit before the decimal point (0.50, not .50).</translation>
    </message>
    <message>
        <source>Thousands separators belong before the decimal point only.</source>
        <translation>Thousands separators belong before the decimal point only.</translation>
    </message>
    <message>
        <source>Write one or two digits after the decimal point, or leave the point out.</source>
        <translation>Write one or two digits after the decimal point, or leave the point out.</translation>
    </message>
    <message>
        <source>An amount has at most two decimal places (jiao and fen).</source>
        <translation>An amount has at most two decimal places (jiao and fen).</translation>
    </message>
    <message>
        <source>The thousands separators are misplaced: write 1,234.00 or 1234.00.</source>
        <translation>The thousands separators are misplaced: write 1,234.00 or 1234.00.</translation>
    </message>
    <message>
        <source>The amount is too large: at most %1.</source>
        <translation>The amount is too large: at most %1.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>80 mm roll</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 mm roll</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 sheet</translation>
    </message>
    <message>
        <source>The QR code cannot hold &quot;%1&quot;.</source>
        <translation>The QR code cannot hold &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>PdfRenderer</name>
    <message>
        <source>The PDF library could not start.</source>
        <translation>The PDF library could not start.</translation>
    </message>
    <message>
        <source>The PDF library failed (error 0x%1, detail %2).</source>
        <translation>The PDF library failed (error 0x%1, detail %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds a character the PDF&apos;s Chinese font cannot show (%2); the PDF prints it as %3.</source>
        <translation>&quot;%1&quot; holds a character the PDF&apos;s Chinese font cannot show (%2); the PDF prints it as %3.</translation>
    </message>
    <message>
        <source>%1 stands for a character this PDF cannot show: %2.</source>
        <translation>%1 stands for a character this PDF cannot show: %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>PullApplier</name>
    <message>
        <source>The centre sent a page of %1 that this HallDesk cannot read.</source>
        <translation>The centre sent a page of %1 that this HallDesk cannot read.</translation>
    </message>
    <message>
        <source>The centre sent &quot;%1&quot; where a whole number belongs.</source>
        <translation>The centre sent &quot;%1&quot; where a whole number belongs.</translation>
    </message>
    <message>
        <source>The centre sent a row of hall %1, which this store does not know.</source>
        <translation>The centre sent a row of hall %1, which this store does not know.</translation>
    </message>
    <message>
        <source>The centre sent a row of account %1, which this store does not have.</source>
        <translation>The centre sent a row of account %1, which this store does not have.</translation>
    </message>
    <message>
        <source>The centre sent a member of payer group %1, which this store does not have.</source>
        <translation>The centre sent a member of payer group %1, which this store does not have.</translation>
    </message>
</context>
<context>
    <name>ReceiptLayout</name>
    <message>
        <source>Receipt %1</source>
        <translation>Receipt %1</translation>
    </message>
    <message>
        <source>Prepaid Refund Receipt</source>
        <translation>Prepaid Refund Receipt</translation>
    </message>
    <message>
        <source>Electricity Payment Receipt</source>
        <translation>Electricity Payment Receipt</translation>
    </message>
    <message>
        <source>REPRINT (copy %1)</source>
        <translation>REPRINT (copy %1)</translation>
    </message>
    <message>
        <source>Scan to verify receipt %1</source>
        <translation>Scan to verify receipt %1</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>Scan to verify</translation>
    </message>
    <message>
        <source>Receipt No.</source>
        <translation>Receipt No.</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Account No.</source>
        <translation>Account No.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>  waived</source>
        <translation>  waived</translation>
    </message>
    <message>
        <source>Added to prepaid balance</source>
        <translation>Added to prepaid balance</translation>
    </message>
    <message>
        <source>Paid out of prepaid balance</source>
        <translation>Paid out of prepaid balance</translation>
    </message>
    <message>
        <source>Paid from prepaid balance</source>
        <translation>Paid from prepaid balance</translation>
    </message>
    <message>
        <source>Prepaid balance after</source>
        <translation>Prepaid balance after</translation>
    </message>
    <message>
        <source>Account total</source>
        <translation>Account total</translation>
    </message>
    <message>
        <source>Paid out by</source>
        <translation>Paid out by</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>Tendered</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>In words (RMB)</source>
        <translation>In words (RMB)</translation>
    </message>
    <message>
        <source>This receipt was voided and is no proof of payment.</source>
        <translation>This receipt was voided and is no proof of payment.</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>VOID</translation>
    </message>
    <message>
        <source>Please keep this receipt as proof of payment.</source>
        <translation>Please keep this receipt as proof of payment.</translation>
    </message>
</context>
<context>
    <name>RejectedEventDetail</name>
    <message>
        <source>%1 · receipt %2</source>
        <translation>%1 · receipt %2</translation>
    </message>
    <message>
        <source>The centre rejected it:</source>
        <translation>The centre rejected it:</translation>
    </message>
    <message>
        <source>Reviewed by %1 (%2) on %3: %4</source>
        <translation>Reviewed by %1 (%2) on %3: %4</translation>
    </message>
    <message numerus="yes">
        <source>Sent again %n time(s); the centre rejected it again.</source>
        <translation>
            <numerusform>Sent again once; the centre rejected it again.</numerusform>
            <numerusform>Sent again %n times; the centre rejected it again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Business date</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Account(s)</source>
        <translation>Account(s)</translation>
    </message>
    <message>
        <source>Voided payment</source>
        <translation>Voided payment</translation>
    </message>
    <message>
        <source>Amount voided</source>
        <translation>Amount voided</translation>
    </message>
    <message>
        <source>Reason for the void</source>
        <translation>Reason for the void</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Prepaid balance after</source>
        <translation>Prepaid balance after</translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation>Reason for the refund</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>Shift total</source>
        <translation>Shift total</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>Reason for the variance</source>
        <translation>Reason for the variance</translation>
    </message>
    <message>
        <source>Payments / voids / refunds</source>
        <translation>Payments / voids / refunds</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Handed over / change</source>
        <translation>Handed over / change</translation>
    </message>
    <message>
        <source>How the voided payment was paid</source>
        <translation>How the voided payment was paid</translation>
    </message>
    <message>
        <source>How it was paid</source>
        <translation>How it was paid</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>prepaid balance</source>
        <translation>prepaid balance</translation>
    </message>
    <message>
        <source>Where the money went (this terminal&apos;s allocation)</source>
        <translation>Where the money went (this terminal&apos;s allocation)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>Waived</translation>
    </message>
    <message>
        <source>Late fees waived</source>
        <translation>Late fees waived</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>Computed</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Charged</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Settlement by method</source>
        <translation>Settlement by method</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>The event&apos;s payload cannot be read</source>
        <translation>The event&apos;s payload cannot be read</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Local sequence</source>
        <translation>Local sequence</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Answered by the centre</source>
        <translation>Answered by the centre</translation>
    </message>
    <message>
        <source>The event</source>
        <translation>The event</translation>
    </message>
</context>
<context>
    <name>RejectedEvents</name>
    <message>
        <source>Only a supervisor can send a rejected event again or mark it reviewed: a supervisor approves it with their own code and password.</source>
        <translation>Only a supervisor can send a rejected event again or mark it reviewed: a supervisor approves it with their own code and password.</translation>
    </message>
    <message>
        <source>There is no event %1 in the outbox.</source>
        <translation>There is no event %1 in the outbox.</translation>
    </message>
    <message>
        <source>A review needs a note: what was found, and what was done about it.</source>
        <translation>A review needs a note: what was found, and what was done about it.</translation>
    </message>
    <message>
        <source>Event %1 was reviewed already, by %2 on %3.</source>
        <translation>Event %1 was reviewed already, by %2 on %3.</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>accepted by the centre</source>
        <translation>accepted by the centre</translation>
    </message>
    <message>
        <source>accepted by the centre (sent twice)</source>
        <translation>accepted by the centre (sent twice)</translation>
    </message>
    <message>
        <source>Event %1 is %2, not rejected: there is nothing to do.</source>
        <translation>Event %1 is %2, not rejected: there is nothing to do.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Counter clerk</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>SettlementLayout</name>
    <message>
        <source>Settlement %1 %2</source>
        <translation>Settlement %1 %2</translation>
    </message>
    <message>
        <source>Daily Settlement Report</source>
        <translation>Daily Settlement Report</translation>
    </message>
    <message>
        <source>Settlement %1</source>
        <translation>Settlement %1</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>Scan to verify</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Business date</translation>
    </message>
    <message>
        <source>Settled at</source>
        <translation>Settled at</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>Counting</translation>
    </message>
    <message>
        <source>blind (expected totals not shown)</source>
        <translation>blind (expected totals not shown)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Cash by denomination</source>
        <translation>Cash by denomination</translation>
    </message>
    <message>
        <source>Note / coin</source>
        <translation>Note / coin</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <source>Totals per method</source>
        <translation>Totals per method</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Voids</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>In words (RMB)</source>
        <translation>In words (RMB)</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Clerk&apos;s signature</source>
        <translation>Clerk&apos;s signature</translation>
    </message>
    <message>
        <source>Supervisor&apos;s signature</source>
        <translation>Supervisor&apos;s signature</translation>
    </message>
    <message>
        <source>Audit anchor: %1 entries, hash %2</source>
        <translation>Audit anchor: %1 entries, hash %2</translation>
    </message>
</context>
<context>
    <name>Sql</name>
    <message>
        <source>The store refused a statement: %1</source>
        <translation>The store refused a statement: %1</translation>
    </message>
    <message>
        <source>A statement failed: %1</source>
        <translation>A statement failed: %1</translation>
    </message>
    <message>
        <source>The store connection is not an SQLite connection.</source>
        <translation>The store connection is not an SQLite connection.</translation>
    </message>
    <message>
        <source>A script failed: %1</source>
        <translation>A script failed: %1</translation>
    </message>
    <message>
        <source>The store connection is closed.</source>
        <translation>The store connection is closed.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a HallDesk store (it is not an SQLite database).</source>
        <translation>%1 is not a HallDesk store (it is not an SQLite database).</translation>
    </message>
    <message>
        <source>There is no store at %1. Create one with &quot;halldeskctl init&quot; or &quot;halldeskctl demo&quot;.</source>
        <translation>There is no store at %1. Create one with &quot;halldeskctl init&quot; or &quot;halldeskctl demo&quot;.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a HallDesk store.</source>
        <translation>%1 is a folder, not a HallDesk store.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be switched to WAL mode.</source>
        <translation>%1 cannot be switched to WAL mode.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a HallDesk store: %2</source>
        <translation>%1 is damaged or is not a HallDesk store: %2</translation>
    </message>
    <message>
        <source>Other users of this computer can read the store: %1. HallDesk cannot change that; as the files&apos; owner run

    chmod 600 &quot;%2&quot;*

and start again.</source>
        <translation>Other users of this computer can read the store: %1. HallDesk cannot change that; as the files&apos; owner run

    chmod 600 &quot;%2&quot;*

and start again.</translation>
    </message>
</context>
<context>
    <name>StoreProtection</name>
    <message>
        <source>The store %1 is not on an encrypted disk, so anyone who takes this computer&apos;s disk can read its customers&apos; names, addresses and phone numbers. %2 Put the store on an encrypted volume (LUKS or fscrypt), or, if the site accepts this risk in writing, record that with &quot;halldeskctl security accept-risk&quot;. This warning comes once a day.</source>
        <translation>The store %1 is not on an encrypted disk, so anyone who takes this computer&apos;s disk can read its customers&apos; names, addresses and phone numbers. %2 Put the store on an encrypted volume (LUKS or fscrypt), or, if the site accepts this risk in writing, record that with &quot;halldeskctl security accept-risk&quot;. This warning comes once a day.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The central server speaks sync API version %1; this HallDesk speaks version 1.</source>
        <translation>The central server speaks sync API version %1; this HallDesk speaks version 1.</translation>
    </message>
    <message>
        <source>The central server&apos;s database is at version %1; this HallDesk needs version %2 or later (halldeskctl central migrate).</source>
        <translation>The central server&apos;s database is at version %1; this HallDesk needs version %2 or later (halldeskctl central migrate).</translation>
    </message>
    <message>
        <source>The centre answered %1 results for a batch of %2 events.</source>
        <translation>The centre answered %1 results for a batch of %2 events.</translation>
    </message>
    <message>
        <source>The centre answered for event %1 where %2 was expected.</source>
        <translation>The centre answered for event %1 where %2 was expected.</translation>
    </message>
    <message>
        <source>The centre answered &quot;%1&quot; for event %2.</source>
        <translation>The centre answered &quot;%1&quot; for event %2.</translation>
    </message>
    <message>
        <source>The centre moved the watermark of %1 back from %2 to %3.</source>
        <translation>The centre moved the watermark of %1 back from %2 to %3.</translation>
    </message>
    <message>
        <source>The centre holds an earlier audit head of this terminal that the log contradicts: %1</source>
        <translation>The centre holds an earlier audit head of this terminal that the log contradicts: %1</translation>
    </message>
</context>
<context>
    <name>TenderMethod</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>QR payment</source>
        <translation>QR payment</translation>
    </message>
    <message>
        <source>Transfer / cheque</source>
        <translation>Transfer / cheque</translation>
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
        <translation>HallDesk: the counter of an electricity service hall.</translation>
    </message>
    <message>
        <source>The store to open (default: the demo store %1, made by `halldeskctl demo`).</source>
        <translation>The store to open (default: the demo store %1, made by `halldeskctl demo`).</translation>
    </message>
    <message>
        <source>Sign in as this operator. With the password in HALLDESK_PASSWORD no sign-in dialog appears.</source>
        <translation>Sign in as this operator. With the password in HALLDESK_PASSWORD no sign-in dialog appears.</translation>
    </message>
    <message>
        <source>Start the lookup with this query.</source>
        <translation>Start the lookup with this query.</translation>
    </message>
    <message>
        <source>The language: zh_CN or en (default: the system&apos;s).</source>
        <translation>The language: zh_CN or en (default: the system&apos;s).</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use zh_CN or en.</source>
        <translation>Unknown language &quot;%1&quot;; use zh_CN or en.</translation>
    </message>
    <message>
        <source>There is no demo store at %1 yet. Create it with

    halldeskctl demo --db &quot;%1&quot; --accounts 200000

(or run scripts/demo.sh), or open another store with --db PATH.</source>
        <translation>There is no demo store at %1 yet. Create it with

    halldeskctl demo --db &quot;%1&quot; --accounts 200000

(or run scripts/demo.sh), or open another store with --db PATH.</translation>
    </message>
    <message>
        <source>Cannot save the screenshot to %1.</source>
        <translation>Cannot save the screenshot to %1.</translation>
    </message>
    <message>
        <source>The store %1 has no hall and terminal yet. Set it up with `halldeskctl init`.</source>
        <translation>The store %1 has no hall and terminal yet. Set it up with `halldeskctl init`.</translation>
    </message>
    <message>
        <source>Sign-in was refused.</source>
        <translation>Sign-in was refused.</translation>
    </message>
    <message>
        <source>Open this account at start (on the counter, ready to pay, with --screen counter).</source>
        <translation>Open this account at start (on the counter, ready to pay, with --screen counter).</translation>
    </message>
    <message>
        <source>Cannot read the tender &quot;%1&quot;.</source>
        <translation>Cannot read the tender &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Sync with this central server (postgresql://role:password@host:port/database) instead of the one in the store&apos;s settings.</source>
        <translation>Sync with this central server (postgresql://role:password@host:port/database) instead of the one in the store&apos;s settings.</translation>
    </message>
    <message>
        <source>The screen to start on, if the operator&apos;s roles allow it: %1.</source>
        <translation>The screen to start on, if the operator&apos;s roles allow it: %1.</translation>
    </message>
    <message>
        <source>Unknown screen &quot;%1&quot;; the screens are %2.</source>
        <translation>Unknown screen &quot;%1&quot;; the screens are %2.</translation>
    </message>
    <message>
        <source>Only a clerk takes money: there is no counter to enter tenders on.</source>
        <translation>Only a clerk takes money: there is no counter to enter tenders on.</translation>
    </message>
</context>
<context>
    <name>halldeskctl</name>
    <message>
        <source>Show an account with its open bills and their late fees.</source>
        <translation>Show an account with its open bills and their late fees.</translation>
    </message>
    <message>
        <source>The store file.</source>
        <translation>The store file.</translation>
    </message>
    <message>
        <source>Compute late fees as of this day, YYYY-MM-DD (default: today).</source>
        <translation>Compute late fees as of this day, YYYY-MM-DD (default: today).</translation>
    </message>
    <message>
        <source>The account number (户号).</source>
        <translation>The account number (户号).</translation>
    </message>
    <message>
        <source>Give exactly one account number.</source>
        <translation>Give exactly one account number.</translation>
    </message>
    <message>
        <source>--on takes a date as YYYY-MM-DD, not &quot;%1&quot;.</source>
        <translation>--on takes a date as YYYY-MM-DD, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no account %1 in %2.</source>
        <translation>There is no account %1 in %2.</translation>
    </message>
    <message>
        <source>Verify the audit log&apos;s hash chain.</source>
        <translation>Verify the audit log&apos;s hash chain.</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>verify</translation>
    </message>
    <message>
        <source>Name the action: halldeskctl audit verify --db PATH.</source>
        <translation>Name the action: halldeskctl audit verify --db PATH.</translation>
    </message>
    <message>
        <source>--%1 takes a whole number of at least 1.</source>
        <translation>--%1 takes a whole number of at least 1.</translation>
    </message>
    <message>
        <source>Lookup speed per kind of query, against a naive LIKE scan.</source>
        <translation>Lookup speed per kind of query, against a naive LIKE scan.</translation>
    </message>
    <message>
        <source>Usage: halldeskctl bench BENCHMARK [OPTIONS]

Benchmarks:
</source>
        <translation>Usage: halldeskctl bench BENCHMARK [OPTIONS]

Benchmarks:
</translation>
    </message>
    <message>
        <source>Name a benchmark.</source>
        <translation>Name a benchmark.</translation>
    </message>
    <message>
        <source>Unknown benchmark &quot;%1&quot;.</source>
        <translation>Unknown benchmark &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>Missing --%1.</source>
        <translation>Missing --%1.</translation>
    </message>
    <message>
        <source>Missing --db (the store file).</source>
        <translation>Missing --db (the store file).</translation>
    </message>
    <message>
        <source>This command changes data: name the operator with --operator.</source>
        <translation>This command changes data: name the operator with --operator.</translation>
    </message>
    <message>
        <source>Set the operator&apos;s password in the HALLDESK_PASSWORD environment variable.</source>
        <translation>Set the operator&apos;s password in the HALLDESK_PASSWORD environment variable.</translation>
    </message>
    <message>
        <source>Create an empty store for a hall and terminal.</source>
        <translation>Create an empty store for a hall and terminal.</translation>
    </message>
    <message>
        <source>Create a store with realistic demo accounts.</source>
        <translation>Create a store with realistic demo accounts.</translation>
    </message>
    <message>
        <source>Find accounts by anything a customer says or shows.</source>
        <translation>Find accounts by anything a customer says or shows.</translation>
    </message>
    <message>
        <source>Show an account with its open bills and late fees.</source>
        <translation>Show an account with its open bills and late fees.</translation>
    </message>
    <message>
        <source>Compute a late fee.</source>
        <translation>Compute a late fee.</translation>
    </message>
    <message>
        <source>Add, list, change or disable operators.</source>
        <translation>Add, list, change or disable operators.</translation>
    </message>
    <message>
        <source>--accounts takes a whole number from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--accounts takes a whole number from 1 to %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--seed takes a whole number from 0 to %1, not &quot;%2&quot;.</source>
        <translation>--seed takes a whole number from 0 to %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--as-of takes a date as YYYY-MM-DD from the year 2000 on, not &quot;%1&quot;.</source>
        <translation>--as-of takes a date as YYYY-MM-DD from the year 2000 on, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The store file to create; it must not exist yet.</source>
        <translation>The store file to create; it must not exist yet.</translation>
    </message>
    <message>
        <source>How many accounts to make (default 200000).</source>
        <translation>How many accounts to make (default 200000).</translation>
    </message>
    <message>
        <source>The same seed and date always make the same store (default 1).</source>
        <translation>The same seed and date always make the same store (default 1).</translation>
    </message>
    <message>
        <source>The day the bills and arrears are as of (default today).</source>
        <translation>The day the bills and arrears are as of (default today).</translation>
    </message>
    <message>
        <source>%1 exists already; demo never overwrites a file.</source>
        <translation>%1 exists already; demo never overwrites a file.</translation>
    </message>
    <message>
        <source>demo: %1 of %2 accounts written (%3 s)</source>
        <translation>demo: %1 of %2 accounts written (%3 s)</translation>
    </message>
    <message>
        <source>The store file to create.</source>
        <translation>The store file to create.</translation>
    </message>
    <message>
        <source>The hall&apos;s code.</source>
        <translation>The hall&apos;s code.</translation>
    </message>
    <message>
        <source>The hall&apos;s name.</source>
        <translation>The hall&apos;s name.</translation>
    </message>
    <message>
        <source>This terminal&apos;s code.</source>
        <translation>This terminal&apos;s code.</translation>
    </message>
    <message>
        <source>The first administrator&apos;s operator code.</source>
        <translation>The first administrator&apos;s operator code.</translation>
    </message>
    <message>
        <source>The first administrator&apos;s name.</source>
        <translation>The first administrator&apos;s name.</translation>
    </message>
    <message>
        <source>Set the first administrator&apos;s password in HALLDESK_PASSWORD: %1</source>
        <translation>Set the first administrator&apos;s password in HALLDESK_PASSWORD: %1</translation>
    </message>
    <message>
        <source>%1 exists already; init never overwrites a store.</source>
        <translation>%1 exists already; init never overwrites a store.</translation>
    </message>
    <message>
        <source>--%1 takes a date as YYYY-MM-DD, not &quot;%2&quot;.</source>
        <translation>--%1 takes a date as YYYY-MM-DD, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Unknown customer class &quot;%1&quot;; use one of %2.</source>
        <translation>Unknown customer class &quot;%1&quot;; use one of %2.</translation>
    </message>
    <message>
        <source>--amount &quot;%1&quot;: %2</source>
        <translation>--amount &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Compute the late fee on an amount overdue since a due date, as of the day of payment.</source>
        <translation>Compute the late fee on an amount overdue since a due date, as of the day of payment.</translation>
    </message>
    <message>
        <source>The customer class: residential, commercial, industrial or agricultural.</source>
        <translation>The customer class: residential, commercial, industrial or agricultural.</translation>
    </message>
    <message>
        <source>The overdue principal, e.g. 100.00.</source>
        <translation>The overdue principal, e.g. 100.00.</translation>
    </message>
    <message>
        <source>The bill&apos;s due date, YYYY-MM-DD.</source>
        <translation>The bill&apos;s due date, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The day of payment, YYYY-MM-DD.</source>
        <translation>The day of payment, YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The late-fee policy id (default: the store&apos;s selected policy).</source>
        <translation>The late-fee policy id (default: the store&apos;s selected policy).</translation>
    </message>
    <message>
        <source>Take the rules from this store instead of the built-in ones.</source>
        <translation>Take the rules from this store instead of the built-in ones.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unexpected argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no late-fee policy &quot;%1&quot; in force on %2.</source>
        <translation>There is no late-fee policy &quot;%1&quot; in force on %2.</translation>
    </message>
    <message>
        <source>The store selects no late-fee policy in force on %1 (setting late_fee.policy).</source>
        <translation>The store selects no late-fee policy in force on %1 (setting late_fee.policy).</translation>
    </message>
    <message>
        <source>The store has no accounts to sample queries from.</source>
        <translation>The store has no accounts to sample queries from.</translation>
    </message>
    <message>
        <source>existing account number</source>
        <translation>existing account number</translation>
    </message>
    <message>
        <source>first 4 to 8 digits of an account number</source>
        <translation>first 4 to 8 digits of an account number</translation>
    </message>
    <message>
        <source>first character of a name</source>
        <translation>first character of a name</translation>
    </message>
    <message>
        <source>two characters of a name: its start, or a given name</source>
        <translation>two characters of a name: its start, or a given name</translation>
    </message>
    <message>
        <source>3 to 6 characters of an address</source>
        <translation>3 to 6 characters of an address</translation>
    </message>
    <message>
        <source>full mobile number</source>
        <translation>full mobile number</translation>
    </message>
    <message>
        <source>last four digits of a mobile number</source>
        <translation>last four digits of a mobile number</translation>
    </message>
    <message>
        <source>existing meter number</source>
        <translation>existing meter number</translation>
    </message>
    <message>
        <source>Lookup on %1 accounts, %2 rows a page, %3 queries per kind. Naive: LIKE &apos;%q%&apos; over name, address and account_no, only %4 of the same queries per kind because each one reads the whole table.
</source>
        <translation>Lookup on %1 accounts, %2 rows a page, %3 queries per kind. Naive: LIKE &apos;%q%&apos; over name, address and account_no, only %4 of the same queries per kind because each one reads the whole table.
</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>naive p50</source>
        <translation>naive p50</translation>
    </message>
    <message>
        <source>naive p95</source>
        <translation>naive p95</translation>
    </message>
    <message>
        <source>naive p99</source>
        <translation>naive p99</translation>
    </message>
    <message>
        <source>ratio p95</source>
        <translation>ratio p95</translation>
    </message>
    <message>
        <source>goal p95 ms</source>
        <translation>goal p95 ms</translation>
    </message>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>MISSED</source>
        <translation>MISSED</translation>
    </message>
    <message>
        <source>Time the lookup per kind of query, against a naive LIKE scan measured on the same queries.</source>
        <translation>Time the lookup per kind of query, against a naive LIKE scan measured on the same queries.</translation>
    </message>
    <message>
        <source>Queries per kind (default %1).</source>
        <translation>Queries per kind (default %1).</translation>
    </message>
    <message>
        <source>Naive scans per kind (default %1).</source>
        <translation>Naive scans per kind (default %1).</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3.</source>
        <translation>--%1 takes a whole number from %2 to %3.</translation>
    </message>
    <message>
        <source>Find accounts by anything a customer says or shows: account number (exact or prefix), bill barcode, mobile (full or last four digits), landline, meter number, name or part of it, address fragment.</source>
        <translation>Find accounts by anything a customer says or shows: account number (exact or prefix), bill barcode, mobile (full or last four digits), landline, meter number, name or part of it, address fragment.</translation>
    </message>
    <message>
        <source>At most this many accounts (default %1).</source>
        <translation>At most this many accounts (default %1).</translation>
    </message>
    <message>
        <source>Skip this many accounts first (for paging; default 0).</source>
        <translation>Skip this many accounts first (for paging; default 0).</translation>
    </message>
    <message>
        <source>Print SQLite&apos;s query plan of each step instead of the accounts.</source>
        <translation>Print SQLite&apos;s query plan of each step instead of the accounts.</translation>
    </message>
    <message>
        <source>What to look for; several words are one query.</source>
        <translation>What to look for; several words are one query.</translation>
    </message>
    <message>
        <source>Give something to look for: an account number, a name, a phone number, …</source>
        <translation>Give something to look for: an account number, a name, a phone number, …</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; the roles are clerk, supervisor, collector and admin.</source>
        <translation>Unknown role &quot;%1&quot;; the roles are clerk, supervisor, collector and admin.</translation>
    </message>
    <message>
        <source>Name at least one role with --role (clerk, supervisor, collector, admin).</source>
        <translation>Name at least one role with --role (clerk, supervisor, collector, admin).</translation>
    </message>
    <message>
        <source>Set the new password in the %1 environment variable.</source>
        <translation>Set the new password in the %1 environment variable.</translation>
    </message>
    <message>
        <source>Only an administrator may change operators; %1 is not one.</source>
        <translation>Only an administrator may change operators; %1 is not one.</translation>
    </message>
    <message>
        <source>There is no operator &quot;%1&quot;.</source>
        <translation>There is no operator &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Add, list, change or disable operators.

  add      add an operator (--code, --name, --role; password in HALLDESK_NEW_PASSWORD)
  list     list the operators as JSON lines
  passwd   set an operator&apos;s password (--code; password in HALLDESK_NEW_PASSWORD)
  disable  stop an operator from signing in (--code)
  enable   let a disabled operator sign in again (--code)

Changes need an administrator: --operator CODE with the password in HALLDESK_PASSWORD. A store without operators takes its first one without.</source>
        <translation>Add, list, change or disable operators.

  add      add an operator (--code, --name, --role; password in HALLDESK_NEW_PASSWORD)
  list     list the operators as JSON lines
  passwd   set an operator&apos;s password (--code; password in HALLDESK_NEW_PASSWORD)
  disable  stop an operator from signing in (--code)
  enable   let a disabled operator sign in again (--code)

Changes need an administrator: --operator CODE with the password in HALLDESK_PASSWORD. A store without operators takes its first one without.</translation>
    </message>
    <message>
        <source>add, list, passwd, disable or enable.</source>
        <translation>add, list, passwd, disable or enable.</translation>
    </message>
    <message>
        <source>The operator&apos;s code.</source>
        <translation>The operator&apos;s code.</translation>
    </message>
    <message>
        <source>The operator&apos;s name.</source>
        <translation>The operator&apos;s name.</translation>
    </message>
    <message>
        <source>Roles, separated by commas: clerk, supervisor, collector, admin.</source>
        <translation>Roles, separated by commas: clerk, supervisor, collector, admin.</translation>
    </message>
    <message>
        <source>The administrator making the change.</source>
        <translation>The administrator making the change.</translation>
    </message>
    <message>
        <source>Name one action: add, list, passwd, disable or enable.</source>
        <translation>Name one action: add, list, passwd, disable or enable.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;; the actions are add, list, passwd, disable and enable.</source>
        <translation>Unknown action &quot;%1&quot;; the actions are add, list, passwd, disable and enable.</translation>
    </message>
    <message>
        <source>Usage: halldeskctl COMMAND [OPTIONS]

Commands:
</source>
        <translation>Usage: halldeskctl COMMAND [OPTIONS]

Commands:
</translation>
    </message>
    <message>
        <source>
&quot;halldeskctl COMMAND --help&quot; describes a command&apos;s options.
</source>
        <translation>
&quot;halldeskctl COMMAND --help&quot; describes a command&apos;s options.
</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unknown command &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Payment commit time against a bare insert; a group payment.</source>
        <translation>Payment commit time against a bare insert; a group payment.</translation>
    </message>
    <message>
        <source>The central server, postgresql://user:password@host:port/database (an administrator).</source>
        <translation>The central server, postgresql://user:password@host:port/database (an administrator).</translation>
    </message>
    <message>
        <source>libsodium could not be initialised.</source>
        <translation>libsodium could not be initialised.</translation>
    </message>
    <message>
        <source>Usage: halldeskctl central terminal add --url URL --hall CODE --terminal CODE [--name NAME]</source>
        <translation>Usage: halldeskctl central terminal add --url URL --hall CODE --terminal CODE [--name NAME]</translation>
    </message>
    <message>
        <source>Create a terminal&apos;s login role on the centre and print its connection settings once (the password is not stored anywhere else).</source>
        <translation>Create a terminal&apos;s login role on the centre and print its connection settings once (the password is not stored anywhere else).</translation>
    </message>
    <message>
        <source>The hall&apos;s code, e.g. H01.</source>
        <translation>The hall&apos;s code, e.g. H01.</translation>
    </message>
    <message>
        <source>The terminal&apos;s code in the hall, e.g. T01.</source>
        <translation>The terminal&apos;s code in the hall, e.g. T01.</translation>
    </message>
    <message>
        <source>A name for the terminal.</source>
        <translation>A name for the terminal.</translation>
    </message>
    <message>
        <source>Record a payment made outside the halls (bank, WeChat, Alipay, online) on the centre; it reaches the counters on their next sync.</source>
        <translation>Record a payment made outside the halls (bank, WeChat, Alipay, online) on the centre; it reaches the counters on their next sync.</translation>
    </message>
    <message>
        <source>The account number.</source>
        <translation>The account number.</translation>
    </message>
    <message>
        <source>The amount paid, e.g. 100.00.</source>
        <translation>The amount paid, e.g. 100.00.</translation>
    </message>
    <message>
        <source>bank, wechat, alipay or online.</source>
        <translation>bank, wechat, alipay or online.</translation>
    </message>
    <message>
        <source>The payment&apos;s UUID (default: a new one); the same UUID again records nothing new.</source>
        <translation>The payment&apos;s UUID (default: a new one); the same UUID again records nothing new.</translation>
    </message>
    <message>
        <source>the amount must be more than zero</source>
        <translation>the amount must be more than zero</translation>
    </message>
    <message>
        <source>Unknown channel &quot;%1&quot;; use one of %2.</source>
        <translation>Unknown channel &quot;%1&quot;; use one of %2.</translation>
    </message>
    <message>
        <source>--uuid &quot;%1&quot; is not a UUID.</source>
        <translation>--uuid &quot;%1&quot; is not a UUID.</translation>
    </message>
    <message>
        <source>Unknown subcommand &quot;%1&quot;. %2</source>
        <translation>Unknown subcommand &quot;%1&quot;. %2</translation>
    </message>
    <message>
        <source>Take a payment for one or several accounts.</source>
        <translation>Take a payment for one or several accounts.</translation>
    </message>
    <message>
        <source>Void a payment of today, with a supervisor&apos;s approval.</source>
        <translation>Void a payment of today, with a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>Pay out prepaid balance, with a supervisor&apos;s approval.</source>
        <translation>Pay out prepaid balance, with a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>Settle the shift: cash count and totals.</source>
        <translation>Settle the shift: cash count and totals.</translation>
    </message>
    <message>
        <source>Verify the store&apos;s money invariants.</source>
        <translation>Verify the store&apos;s money invariants.</translation>
    </message>
    <message>
        <source>Write a receipt as PDF (a reprint after the first output).</source>
        <translation>Write a receipt as PDF (a reprint after the first output).</translation>
    </message>
    <message>
        <source>Measure lookup and payment speed.</source>
        <translation>Measure lookup and payment speed.</translation>
    </message>
    <message>
        <source>The central server: migrate, add a terminal, record a payment from another channel.</source>
        <translation>The central server: migrate, add a terminal, record a payment from another channel.</translation>
    </message>
    <message>
        <source>This needs a supervisor&apos;s approval: name them with --approver.</source>
        <translation>This needs a supervisor&apos;s approval: name them with --approver.</translation>
    </message>
    <message>
        <source>Set the approver&apos;s password in the HALLDESK_APPROVER_PASSWORD environment variable.</source>
        <translation>Set the approver&apos;s password in the HALLDESK_APPROVER_PASSWORD environment variable.</translation>
    </message>
    <message>
        <source>Take a payment (the operator&apos;s password in HALLDESK_PASSWORD).</source>
        <translation>Take a payment (the operator&apos;s password in HALLDESK_PASSWORD).</translation>
    </message>
    <message>
        <source>The clerk taking the payment.</source>
        <translation>The clerk taking the payment.</translation>
    </message>
    <message>
        <source>An account number (户号); repeat for a group payment.</source>
        <translation>An account number (户号); repeat for a group payment.</translation>
    </message>
    <message>
        <source>cash, card, qr or transfer.</source>
        <translation>cash, card, qr or transfer.</translation>
    </message>
    <message>
        <source>The amount paid, in yuan.</source>
        <translation>The amount paid, in yuan.</translation>
    </message>
    <message>
        <source>Cash handed over (default: the amount).</source>
        <translation>Cash handed over (default: the amount).</translation>
    </message>
    <message>
        <source>The card, QR or transfer reference number.</source>
        <translation>The card, QR or transfer reference number.</translation>
    </message>
    <message>
        <source>The payment&apos;s UUID; sending it again returns the recorded payment.</source>
        <translation>The payment&apos;s UUID; sending it again returns the recorded payment.</translation>
    </message>
    <message>
        <source>One receipt per account instead of one combined receipt.</source>
        <translation>One receipt per account instead of one combined receipt.</translation>
    </message>
    <message>
        <source>Missing --account.</source>
        <translation>Missing --account.</translation>
    </message>
    <message>
        <source>--method is cash, card, qr or transfer, not &quot;%1&quot;.</source>
        <translation>--method is cash, card, qr or transfer, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--tendered is for cash only.</source>
        <translation>--tendered is for cash only.</translation>
    </message>
    <message>
        <source>--tendered must be more than zero.</source>
        <translation>--tendered must be more than zero.</translation>
    </message>
    <message>
        <source>--uuid takes a UUID, not &quot;%1&quot;.</source>
        <translation>--uuid takes a UUID, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Void (冲正) a payment of today before the shift is settled.</source>
        <translation>Void (冲正) a payment of today before the shift is settled.</translation>
    </message>
    <message>
        <source>The clerk voiding the payment.</source>
        <translation>The clerk voiding the payment.</translation>
    </message>
    <message>
        <source>Why the payment is voided.</source>
        <translation>Why the payment is voided.</translation>
    </message>
    <message>
        <source>The approving supervisor (password in HALLDESK_APPROVER_PASSWORD).</source>
        <translation>The approving supervisor (password in HALLDESK_APPROVER_PASSWORD).</translation>
    </message>
    <message>
        <source>The payment&apos;s receipt number.</source>
        <translation>The payment&apos;s receipt number.</translation>
    </message>
    <message>
        <source>Give exactly one receipt number.</source>
        <translation>Give exactly one receipt number.</translation>
    </message>
    <message>
        <source>Pay out prepaid balance in cash, with a supervisor&apos;s approval.</source>
        <translation>Pay out prepaid balance in cash, with a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>The clerk paying out.</source>
        <translation>The clerk paying out.</translation>
    </message>
    <message>
        <source>The amount paid out, in yuan.</source>
        <translation>The amount paid out, in yuan.</translation>
    </message>
    <message>
        <source>Why the balance is refunded.</source>
        <translation>Why the balance is refunded.</translation>
    </message>
    <message>
        <source>Settle (日结) the operator&apos;s shift: the cash count and the totals.</source>
        <translation>Settle (日结) the operator&apos;s shift: the cash count and the totals.</translation>
    </message>
    <message>
        <source>The clerk whose shift is settled.</source>
        <translation>The clerk whose shift is settled.</translation>
    </message>
    <message>
        <source>The cash count: denomination in yuan and count, e.g. &quot;100:3,50:1,0.5:2&quot;.</source>
        <translation>The cash count: denomination in yuan and count, e.g. &quot;100:3,50:1,0.5:2&quot;.</translation>
    </message>
    <message>
        <source>The bank card total.</source>
        <translation>The bank card total.</translation>
    </message>
    <message>
        <source>The QR payment total.</source>
        <translation>The QR payment total.</translation>
    </message>
    <message>
        <source>The transfer / cheque total.</source>
        <translation>The transfer / cheque total.</translation>
    </message>
    <message>
        <source>The supervisor approving a difference (password in HALLDESK_APPROVER_PASSWORD).</source>
        <translation>The supervisor approving a difference (password in HALLDESK_APPROVER_PASSWORD).</translation>
    </message>
    <message>
        <source>Why the count differs.</source>
        <translation>Why the count differs.</translation>
    </message>
    <message>
        <source>A blind count: the expected totals were not shown before.</source>
        <translation>A blind count: the expected totals were not shown before.</translation>
    </message>
    <message>
        <source>--cash takes denomination:count pairs such as &quot;100:3,0.5:2&quot;, not &quot;%1&quot;.</source>
        <translation>--cash takes denomination:count pairs such as &quot;100:3,0.5:2&quot;, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The store has no accounts with open bills to pay.</source>
        <translation>The store has no accounts with open bills to pay.</translation>
    </message>
    <message>
        <source>Time payment commits (synchronous=FULL) against a bare one-row insert transaction on the same file system, and a group payment.</source>
        <translation>Time payment commits (synchronous=FULL) against a bare one-row insert transaction on the same file system, and a group payment.</translation>
    </message>
    <message>
        <source>The store whose accounts are copied into a temporary bench store.</source>
        <translation>The store whose accounts are copied into a temporary bench store.</translation>
    </message>
    <message>
        <source>Payments to time (default %1).</source>
        <translation>Payments to time (default %1).</translation>
    </message>
    <message>
        <source>Accounts in the group payment (default %1).</source>
        <translation>Accounts in the group payment (default %1).</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder beside %1.</source>
        <translation>Cannot make a temporary folder beside %1.</translation>
    </message>
    <message>
        <source>Payment commit, synchronous=FULL, %1 single-account cash payments on a bench store beside %2:
</source>
        <translation>Payment commit, synchronous=FULL, %1 single-account cash payments on a bench store beside %2:
</translation>
    </message>
    <message>
        <source>  payment      p50 %1 ms  p95 %2 ms  p99 %3 ms (goal p95 under %4 ms)
</source>
        <translation>  payment      p50 %1 ms  p95 %2 ms  p99 %3 ms (goal p95 under %4 ms)
</translation>
    </message>
    <message>
        <source>  bare insert  p50 %1 ms  p95 %2 ms
</source>
        <translation>  bare insert  p50 %1 ms  p95 %2 ms
</translation>
    </message>
    <message>
        <source>  ratio        p50 %1x  p95 %2x (goal at most %3x)
</source>
        <translation>  ratio        p50 %1x  p95 %2x (goal at most %3x)
</translation>
    </message>
    <message>
        <source>Group payment over %1 accounts: %2 ms (goal under %3 ms)
</source>
        <translation>Group payment over %1 accounts: %2 ms (goal under %3 ms)
</translation>
    </message>
    <message>
        <source>Receipt PDF render: %1 ms (goal under %2 ms)
</source>
        <translation>Receipt PDF render: %1 ms (goal under %2 ms)
</translation>
    </message>
    <message>
        <source>Write a receipt as PDF. Every output after the first is marked as a copy (重打).</source>
        <translation>Write a receipt as PDF. Every output after the first is marked as a copy (重打).</translation>
    </message>
    <message>
        <source>The receipt number, e.g. H01T01-00000042.</source>
        <translation>The receipt number, e.g. H01T01-00000042.</translation>
    </message>
    <message>
        <source>The store.</source>
        <translation>The store.</translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation>The PDF file to write.</translation>
    </message>
    <message>
        <source>80mm (default), 58mm or a5.</source>
        <translation>80mm (default), 58mm or a5.</translation>
    </message>
    <message>
        <source>Name exactly one receipt number.</source>
        <translation>Name exactly one receipt number.</translation>
    </message>
    <message>
        <source>--paper &quot;%1&quot;: use 80mm, 58mm or a5.</source>
        <translation>--paper &quot;%1&quot;: use 80mm, 58mm or a5.</translation>
    </message>
    <message>
        <source>Run one sync round with the central server: push the pending events, then pull what changed. Prints what it did as JSON.</source>
        <translation>Run one sync round with the central server: push the pending events, then pull what changed. Prints what it did as JSON.</translation>
    </message>
    <message>
        <source>The central server as this terminal: postgresql://role:password@host:port/database.</source>
        <translation>The central server as this terminal: postgresql://role:password@host:port/database.</translation>
    </message>
    <message>
        <source>Events per push call (default 500).</source>
        <translation>Events per push call (default 500).</translation>
    </message>
    <message>
        <source>--batch takes a positive number.</source>
        <translation>--batch takes a positive number.</translation>
    </message>
    <message>
        <source>Also write the settlement report as an A5 PDF to this file.</source>
        <translation>Also write the settlement report as an A5 PDF to this file.</translation>
    </message>
    <message>
        <source>Load the local demo&apos;s accounts, bills and payer groups (the same for the same seed and date) into a migrated centre without accounts.</source>
        <translation>Load the local demo&apos;s accounts, bills and payer groups (the same for the same seed and date) into a migrated centre without accounts.</translation>
    </message>
    <message>
        <source>Usage: halldeskctl central migrate|terminal add|pay|demo --url URL … (halldeskctl central SUBCOMMAND --help for each).</source>
        <translation>Usage: halldeskctl central migrate|terminal add|pay|demo --url URL … (halldeskctl central SUBCOMMAND --help for each).</translation>
    </message>
    <message>
        <source>Run one sync round with the central server; &quot;sync rejected&quot; lists the events it rejected.</source>
        <translation>Run one sync round with the central server; &quot;sync rejected&quot; lists the events it rejected.</translation>
    </message>
    <message>
        <source>List the events the central server rejected, newest first, as JSON lines: the centre&apos;s reason, the review and the original payment (receipts, accounts, amount, tenders). Only the open ones unless --all.</source>
        <translation>List the events the central server rejected, newest first, as JSON lines: the centre&apos;s reason, the review and the original payment (receipts, accounts, amount, tenders). Only the open ones unless --all.</translation>
    </message>
    <message>
        <source>Also the events a supervisor marked reviewed.</source>
        <translation>Also the events a supervisor marked reviewed.</translation>
    </message>
    <message>
        <source>A first fill of one hall from the centre, and a push against COPY; the event loop&apos;s longest gap meanwhile.</source>
        <translation>A first fill of one hall from the centre, and a push against COPY; the event loop&apos;s longest gap meanwhile.</translation>
    </message>
    <message>
        <source>The bench hall has %1 accounts; --events %2 needs as many.</source>
        <translation>The bench hall has %1 accounts; --events %2 needs as many.</translation>
    </message>
    <message>
        <source>In a scratch database on the given server: load one hall of demo accounts with 13 months of bills, fill an empty store from it as a terminal does, take payments at the counter and push them, and COPY the same events into the same server for reference. The event loop of this thread is probed every 10 ms meanwhile, as the window&apos;s would be. The scratch database is dropped at the end.</source>
        <translation>In a scratch database on the given server: load one hall of demo accounts with 13 months of bills, fill an empty store from it as a terminal does, take payments at the counter and push them, and COPY the same events into the same server for reference. The event loop of this thread is probed every 10 ms meanwhile, as the window&apos;s would be. The scratch database is dropped at the end.</translation>
    </message>
    <message>
        <source>The central server, postgresql://user:password@host:port/database (an administrator who may create databases and roles).</source>
        <translation>The central server, postgresql://user:password@host:port/database (an administrator who may create databases and roles).</translation>
    </message>
    <message>
        <source>Accounts in the hall (default %1).</source>
        <translation>Accounts in the hall (default %1).</translation>
    </message>
    <message>
        <source>Payments to push (default %1).</source>
        <translation>Payments to push (default %1).</translation>
    </message>
    <message>
        <source>The demo data&apos;s seed (default 1).</source>
        <translation>The demo data&apos;s seed (default 1).</translation>
    </message>
    <message>
        <source>Where the bench store is made (default: the current folder).</source>
        <translation>Where the bench store is made (default: the current folder).</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder in %1.</source>
        <translation>Cannot make a temporary folder in %1.</translation>
    </message>
    <message>
        <source>Loaded %1 accounts into the centre in %2 s.</source>
        <translation>Loaded %1 accounts into the centre in %2 s.</translation>
    </message>
    <message>
        <source>Filled the store: %1 rows in %2 s.</source>
        <translation>Filled the store: %1 rows in %2 s.</translation>
    </message>
    <message>
        <source>First fill of one hall (%1 accounts, %2 rows): %3 s, %4 rows/s (goal under %5 s)
</source>
        <translation>First fill of one hall (%1 accounts, %2 rows): %3 s, %4 rows/s (goal under %5 s)
</translation>
    </message>
    <message>
        <source>Push of %1 payments: %2 s; COPY of the same events %3 s; ratio %4x (goals under %5 s, at most %6x)
</source>
        <translation>Push of %1 payments: %2 s; COPY of the same events %3 s; ratio %4x (goals under %5 s, at most %6x)
</translation>
    </message>
    <message>
        <source>Longest event-loop gap: %1 ms during the fill, %2 ms during the push (goal under %3 ms)
</source>
        <translation>Longest event-loop gap: %1 ms during the fill, %2 ms during the push (goal under %3 ms)
</translation>
    </message>
    <message>
        <source>Verify the audit log&apos;s hash chain, and check it against the anchors kept outside the store.</source>
        <translation>Verify the audit log&apos;s hash chain, and check it against the anchors kept outside the store.</translation>
    </message>
    <message>
        <source>The central server as this terminal: every audit head the centre was sent is checked.</source>
        <translation>The central server as this terminal: every audit head the centre was sent is checked.</translation>
    </message>
    <message>
        <source>An anchor printed on a settlement report, ENTRIES:HASH (repeatable; spaces in the hash are ignored).</source>
        <translation>An anchor printed on a settlement report, ENTRIES:HASH (repeatable; spaces in the hash are ignored).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an anchor: give ENTRIES:HASH, the hash in 64 hex digits.</source>
        <translation>&quot;%1&quot; is not an anchor: give ENTRIES:HASH, the hash in 64 hex digits.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>Check a presented ID card against an account (at the centre, or offline against the masked digits).</source>
        <translation>Check a presented ID card against an account (at the centre, or offline against the masked digits).</translation>
    </message>
    <message>
        <source>The store&apos;s protection at rest: the encrypted-volume check and the site&apos;s written acceptance of an unencrypted one.</source>
        <translation>The store&apos;s protection at rest: the encrypted-volume check and the site&apos;s written acceptance of an unencrypted one.</translation>
    </message>
    <message>
        <source>Only an administrator may record or withdraw the acceptance of this risk.</source>
        <translation>Only an administrator may record or withdraw the acceptance of this risk.</translation>
    </message>
    <message>
        <source>Whether the store lies on an encrypted volume, and the site&apos;s written acceptance when it does not.</source>
        <translation>Whether the store lies on an encrypted volume, and the site&apos;s written acceptance when it does not.</translation>
    </message>
    <message>
        <source>status, accept-risk or withdraw-risk</source>
        <translation>status, accept-risk or withdraw-risk</translation>
    </message>
    <message>
        <source>The administrator (password in HALLDESK_PASSWORD).</source>
        <translation>The administrator (password in HALLDESK_PASSWORD).</translation>
    </message>
    <message>
        <source>The written acceptance: document, date and who signed it.</source>
        <translation>The written acceptance: document, date and who signed it.</translation>
    </message>
    <message>
        <source>Name the action: status, accept-risk or withdraw-risk.</source>
        <translation>Name the action: status, accept-risk or withdraw-risk.</translation>
    </message>
    <message>
        <source>Name the written acceptance with --reference.</source>
        <translation>Name the written acceptance with --reference.</translation>
    </message>
    <message>
        <source>Check a presented ID card against an account. The card&apos;s number is read from standard input.</source>
        <translation>Check a presented ID card against an account. The card&apos;s number is read from standard input.</translation>
    </message>
    <message>
        <source>The operator (password in HALLDESK_PASSWORD).</source>
        <translation>The operator (password in HALLDESK_PASSWORD).</translation>
    </message>
    <message>
        <source>The central server (default: the store&apos;s sync server).</source>
        <translation>The central server (default: the store&apos;s sync server).</translation>
    </message>
    <message>
        <source>Name one account number.</source>
        <translation>Name one account number.</translation>
    </message>
    <message>
        <source>Money moves only on the hall&apos;s business date, today %1; --on %2 is refused.</source>
        <translation>Money moves only on the hall&apos;s business date, today %1; --on %2 is refused.</translation>
    </message>
    <message>
        <source>The business date the command is meant for, YYYY-MM-DD; refused unless it is today&apos;s.</source>
        <translation>The business date the command is meant for, YYYY-MM-DD; refused unless it is today&apos;s.</translation>
    </message>
    <message>
        <source>Bring the central database up to this HallDesk&apos;s schema version and apply its functions and views again. Safe to run again; refuses a database that is newer.</source>
        <translation>Bring the central database up to this HallDesk&apos;s schema version and apply its functions and views again. Safe to run again; refuses a database that is newer.</translation>
    </message>
</context>
</TS>
