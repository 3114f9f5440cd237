package dev.outreachpipeline.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Helpers for the transactions backup, restore and reset run by hand. */
final class Transactions {

    private Transactions() {}

    /**
     * Rolls back after {@code cause}. Should the rollback fail too (a lost connection), the server
     * discards the transaction anyway, and {@code cause} is the failure worth reporting.
     */
    static void rollBack(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
