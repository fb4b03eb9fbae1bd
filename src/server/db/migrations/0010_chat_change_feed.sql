-- Every instance delivers a new message to its own open sockets: `messages:<vehicle id>/<id>`.
CREATE FUNCTION keyfob_announce_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('keyfob_changes', 'messages:' || NEW.vehicle_id || '/' || NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER messages_announce AFTER INSERT ON messages
  FOR EACH ROW EXECUTE FUNCTION keyfob_announce_message();
