package org.campaignrl.boot;

import org.campaignrl.adapters.cli.CampaignRlCli;

/** Entry point of the executable jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exitCode = CampaignRlCli.forArguments(new Wiring(Wiring.installFolder()), args)
                .execute(args);
        if (exitCode != 0 || !(args.length > 0 && args[0].equals("serve"))) {
            System.exit(exitCode);
        }
    }
}
