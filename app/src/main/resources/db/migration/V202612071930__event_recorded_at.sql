-- When the database recorded each event, on its own clock (the start of the appending transaction): the event feed
-- tells a missing position that may still fill from a rolled-back one by it, never by the writing process's clock.
-- The events stored before this column hold the time of this migration.
ALTER TABLE domainevententry ADD COLUMN recordedat TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
