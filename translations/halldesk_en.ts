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
        <source>Writing the demo store failed (%1): %2</source>
        <translation>Writing the demo store failed (%1): %2</translation>
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
        <source>Lookup</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <source>Find a customer (F2)</source>
        <translation>Find a customer (F2)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>The account last opened (F3)</source>
        <translation>The account last opened (F3)</translation>
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
        <source>The screen to start on: lookup or account.</source>
        <translation>The screen to start on: lookup or account.</translation>
    </message>
    <message>
        <source>Open this account at start.</source>
        <translation>Open this account at start.</translation>
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
        <source>Unknown screen &quot;%1&quot;; the screens are lookup and account.</source>
        <translation>Unknown screen &quot;%1&quot;; the screens are lookup and account.</translation>
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
        <source>Measure lookup speed.</source>
        <translation>Measure lookup speed.</translation>
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
        <source>There is no folder %1 for the store.</source>
        <translation>There is no folder %1 for the store.</translation>
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
</context>
</TS>
