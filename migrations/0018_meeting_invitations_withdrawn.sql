-- An invitation to a meeting can be withdrawn before the meeting (someone invited by mistake,
-- or no longer coming): the row is kept, with when, by whom and why, so the meeting's record
-- still shows who was invited and that the invitation was withdrawn. Someone who came cannot
-- have their invitation withdrawn. (A meeting's actions that become plan actions need no
-- column: the plan action keeps its source, the meeting and the action, in the plan's jsonb.)

alter table meeting_invitees add column withdrawn_at timestamptz;
alter table meeting_invitees add column withdrawn_by uuid;
alter table meeting_invitees add column withdrawn_by_label text check (length(withdrawn_by_label) between 1 and 200);
alter table meeting_invitees add column withdrawal_reason text check (length(withdrawal_reason) <= 2000);
alter table meeting_invitees add constraint meeting_invitees_withdrawal_check
  check ((withdrawn_at is null) = (withdrawn_by_label is null) and (withdrawn_at is not null or withdrawal_reason is null));
alter table meeting_invitees add constraint meeting_invitees_came_not_withdrawn_check
  check (withdrawn_at is null or attendance <> 'came');
