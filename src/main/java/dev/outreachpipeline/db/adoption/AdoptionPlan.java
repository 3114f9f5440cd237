package dev.outreachpipeline.db.adoption;

import java.util.ArrayList;
import java.util.List;

/**
 * What adopting the predecessor's database would do, decided before anything changes.
 *
 * @param changes    one sentence per reconciliation, for the operator
 * @param statements the DDL, in the order it must run (one transaction)
 * @param blockers   differences adoption cannot reconcile without losing data; any one stops it
 * @param notes      what is left as it is and worth knowing
 */
public record AdoptionPlan(List<String> changes, List<String> statements, List<String> blockers, List<String> notes) {

    static final class Builder {
        private final List<String> changes = new ArrayList<>();
        private final List<String> columnStatements = new ArrayList<>();
        private final List<String> constraintDrops = new ArrayList<>();
        private final List<String> constraintAdds = new ArrayList<>();
        private final List<String> indexStatements = new ArrayList<>();
        private final List<String> blockers = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        void column(String change, String sql) {
            changes.add(change);
            columnStatements.add(sql);
        }

        void dropConstraint(String change, String sql) {
            changes.add(change);
            constraintDrops.add(sql);
        }

        void addConstraint(String change, String sql) {
            changes.add(change);
            constraintAdds.add(sql);
        }

        void index(String change, String... sql) {
            changes.add(change);
            indexStatements.addAll(List.of(sql));
        }

        void blocker(String why) {
            blockers.add(why);
        }

        void note(String note) {
            notes.add(note);
        }

        AdoptionPlan build() {
            var statements = new ArrayList<String>();
            statements.addAll(columnStatements);
            statements.addAll(constraintDrops);
            statements.addAll(constraintAdds);
            statements.addAll(indexStatements);
            return new AdoptionPlan(
                    List.copyOf(changes), List.copyOf(statements), List.copyOf(blockers), List.copyOf(notes));
        }
    }
}
