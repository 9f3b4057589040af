package io.payreports.sinks;

import io.payreports.reports.ReportContext;
import java.nio.file.Path;

/**
 * Where an account's files go under a folder, by the rule of {@link ReportContext#stateKey()}: in the folder
 * itself for the default account, as before accounts existed, else in the account's own subfolder, so that
 * two accounts' reports of the same id never replace each other.
 */
final class AccountFolders {

    private AccountFolders() {}

    static Path of(Path folder, String account) {
        return ReportContext.isDefault(account) ? folder : folder.resolve(DeadLetterWriter.fileNamePart(account));
    }

    /** The same rule for a path in a remote store: {@code ""} or {@code <account>/}. */
    static String prefix(String account) {
        return ReportContext.isDefault(account) ? "" : DeadLetterWriter.fileNamePart(account) + "/";
    }
}
