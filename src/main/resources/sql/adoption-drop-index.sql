DROP INDEX {index}
