package org.campaignrl.application.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.campaignrl.application.contract.CampaignStorageContract;
import org.campaignrl.application.model.CustomerAddress;
import org.campaignrl.application.model.DatasetCustomers;
import org.campaignrl.domain.Attribute;
import org.junit.jupiter.api.Test;

class DatasetCustomersTest {
    @Test
    void addressesFollowTheirCustomersInIdOrderAndNeverShowInToString() {
        DatasetCustomers customers = CampaignStorageContract.someCustomers();
        assertEquals(
                List.of(-10, 300, 2_000_000_000),
                List.of(
                        customers.profiles().id(0),
                        customers.profiles().id(1),
                        customers.profiles().id(2)));
        assertEquals("bé@exämple.com", customers.emailAddress(2));
        assertEquals(6, customers.profiles().code(1, Attribute.TENURE));
        assertFalse(customers.toString().contains("@"));
        assertFalse(new CustomerAddress(1, "a@b.com").toString().contains("a@b.com"));
    }
}
