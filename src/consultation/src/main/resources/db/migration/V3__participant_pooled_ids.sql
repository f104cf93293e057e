-- Participant ids are allocated by the service 50 at a time (Hibernate's pooled optimizer), so the participants of a
-- batch of convened consultations go to the database in one JDBC batch instead of one INSERT round trip each (an
-- IDENTITY id forces that). Ids already handed out stay below the next block.
ALTER SEQUENCE consultation_participant_id_seq INCREMENT BY 50;
