package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --account NAME} of the commands that call Amazon: a name no configuration declares is bad usage, exit 2. */
class AccountOptionTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"api getReports", "schedules --dry-run", "validate --connect"})
    void anAccountNoConfigurationDeclaresIsNamedWithTheAccountsThereAre(String command) throws Exception {
        Path config =
                Files.writeString(dir.resolve("app.properties"), "payreports.accounts.eu.amazonpay.region = eu\n");
        Files.writeString(dir.resolve("schedules.yaml"), "prune: false\nschedules: []\n");
        String[] words = (command + " --config " + config + " --account jp"
                        + (command.startsWith("schedules") ? " --file " + dir.resolve("schedules.yaml") : ""))
                .split(" ");

        assertThat(PayreportsCommand.execute(words)).isEqualTo(2);
        assertThat(console.err())
                .contains(config + ":0: --account: no account 'jp' is configured (configured: default, eu)");
    }

    @Test
    void everyCommandThatCallsAmazonTakesTheOption() {
        for (String command : new String[] {"run", "api", "schedules", "validate"}) {
            int before = console.out().length();
            assertThat(PayreportsCommand.execute(command, "--help")).isZero();
            assertThat(console.out().substring(before)).as(command).contains("--account=NAME");
        }
    }
}
