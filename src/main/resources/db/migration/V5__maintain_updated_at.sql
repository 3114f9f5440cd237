-- updated_at is maintained by the database on every UPDATE, whoever writes the row.
-- A statement that sets updated_at itself (a heartbeat, an import) keeps the value it gave.
-- It comes after the back-fills of V2 and V4, so those leave every row's updated_at as it was.

CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER jobs_set_updated_at BEFORE UPDATE ON jobs
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER discovery_queries_set_updated_at BEFORE UPDATE ON discovery_queries
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER prospects_set_updated_at BEFORE UPDATE ON prospects
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER settings_set_updated_at BEFORE UPDATE ON settings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
