-- A new message's notification also names the connection's application_name, which is the
-- writing instance's origin: `messages:<vehicle id>/<id>/<origin>`. The instance that wrote the
-- message has delivered it to its own sockets already and skips it; every other one delivers it.
CREATE OR REPLACE FUNCTION keyfob_announce_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    'keyfob_changes',
    'messages:' || NEW.vehicle_id || '/' || NEW.id || '/' || current_setting('application_name')
  );
  RETURN NULL;
END
$$;
