package io.kgrec.loader.source;

import io.kgrec.loader.read.Row;
import io.kgrec.loader.read.TabularFile;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.stage.RowRejected;
import java.util.Collection;

/**
 * Reads one file row by row with the common bookkeeping: every row is counted as read, rows that cannot be split
 * or have more fields than the header are quarantined (a missing trailing field reads as empty), and a
 * {@link RowRejected} from the handler quarantines the row with its reason. The handler returns whether the row
 * became a new record ({@code true}) or was merged into an earlier one; the cleaning steps of kept rows are counted.
 */
@FunctionalInterface
public interface RowHandler {
    boolean handle(Row row) throws RowRejected;

    static void readAll(TabularFile stated, Collection<String> required, LoadContext context, RowHandler handler) {
        TabularFile file = context.encoding() == null ? stated : stated.withDefaultCharset(context.encoding());
        FileAccount account = context.report().account(file.path(), context.sourceKey(file.path()));
        String sha256 = file.forEachRow(required, row -> {
            account.read();
            if (row.fields().isEmpty()) {
                context.quarantine().reject(row, RejectReason.MALFORMED_LINE, "unclosed quote", account);
                return;
            }
            if (row.fields().size() > row.index().size()) {
                // More fields than columns means the values are shifted; no column can be trusted.
                context.quarantine().reject(row, RejectReason.WRONG_FIELD_COUNT, row.fields().size() + " fields, "
                        + row.index().size() + " columns in the header", account);
                return;
            }
            try {
                if (handler.handle(row)) {
                    account.loaded();
                } else {
                    account.merged();
                }
                account.fixed(row.fixes());
            } catch (RowRejected e) {
                context.quarantine().reject(row, e.reason(), e.detail(), account);
            }
        });
        account.readCompletely(sha256);
    }
}
