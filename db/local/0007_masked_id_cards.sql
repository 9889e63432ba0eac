-- HallDesk store, version 7: the cache keeps resident ID numbers only masked (docs/security.md). A full number
-- becomes its first six and last four characters with '*' between (330102********2952), the form the centre sends
-- since central version 6 and the local demo writes; a value too short to keep anything becomes all '*'. Values
-- that are masked already are left alone. Checking a presented card is a call to the centre
-- (sync.verify_id_card), or offline a comparison with the digits that are left.
--
-- The old numbers must not survive in the file's free pages: Store::open runs VACUUM and truncates the WAL after
-- this version was applied (it cannot run inside the migration's transaction), and every connection runs with
-- secure_delete on from now on.
UPDATE accounts
   SET id_card_no = CASE
           WHEN length(trim(id_card_no)) >= 11
               THEN substr(trim(id_card_no), 1, 6)
                    || substr('******************************', 1, length(trim(id_card_no)) - 10)
                    || substr(trim(id_card_no), -4)
           ELSE substr('******************************', 1, length(trim(id_card_no)))
       END
 WHERE id_card_no <> '' AND instr(id_card_no, '*') = 0;
