-- Typed failure category (enum FailureCategory) next to the human-readable last_error, so that decisions (may the
-- citizen already have the SMS? keep the ciphertext?) never parse the text. Null exactly when last_error is null.
-- Existing rows get it from the prefix last_error has always started with.
alter table sms_message add column failure_category varchar(32);

update sms_message
   set failure_category = substring(last_error from '^[A-Z_]+')
 where substring(last_error from '^[A-Z_]+') in (
       'NO_BIND', 'THROTTLED', 'QUEUE_FULL', 'SMSC_ERROR', 'RETRIES_EXHAUSTED', 'INVALID_DESTINATION', 'REJECTED',
       'SUBMIT_ERROR', 'UNUSABLE_REQUEST', 'SUBMIT_OUTCOME_UNKNOWN', 'SUBMIT_INTERRUPTED', 'NOT_SENT_IN_TIME',
       'SMSC_EXPIRED', 'SMSC_UNDELIV', 'SMSC_REJECTD', 'SMSC_DELETED', 'SMSC_UNKNOWN');

update sms_message
   set failure_category = 'SMSC_UNKNOWN'
 where failure_category is null and last_error like 'SMSC\_%';
