package org.campaignrl.boot;

import java.security.SecureRandom;
import org.campaignrl.adapters.users.Role;
import org.campaignrl.adapters.users.User;
import org.campaignrl.adapters.users.UserDirectory;

/** Two users with fresh tokens: ann, a campaign manager, and eve, an ML engineer. */
public record TestUsers(UserDirectory directory, String managerToken, String engineerToken) {
    public static TestUsers fresh() {
        SecureRandom random = new SecureRandom();
        String manager = UserDirectory.newToken(random);
        String engineer = UserDirectory.newToken(random);
        return new TestUsers(
                UserDirectory.parse(
                        "test users",
                        String.join(
                                "\n",
                                UserDirectory.line(new User("ann", Role.CAMPAIGN_MANAGER), manager),
                                UserDirectory.line(new User("eve", Role.ML_ENGINEER), engineer))),
                manager,
                engineer);
    }
}
