-- Fixes, for the current transaction only, every setting that changes how values are printed, so a
-- backup taken on one machine and checked on another prints them alike (the driver sets the session
-- time zone to the JVM's). One step of several settings, run as one script.
SET LOCAL TimeZone = 'UTC';
SET LOCAL DateStyle = 'ISO, YMD';
SET LOCAL IntervalStyle = 'postgres';
SET LOCAL extra_float_digits = 1;
SET LOCAL bytea_output = 'hex';
