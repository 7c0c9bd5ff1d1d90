package org.campaignrl.adapters.db;

/**
 * Run in a JVM of its own by {@link H2StorageTest}, like one CLI command: stores a dataset and an
 * active model, then ends the way {@code args[1]} says.
 */
final class StoreAndExit {
    static final String STORED = "stored";

    public static void main(String[] args) throws InterruptedException {
        Storage storage = Storage.open(args[0]);
        long datasetId = storage.datasets().save(TestData.logs(), TestData.CREATED);
        storage.models().save(TestData.model(datasetId, TestData.smallSpace(), 1, TestData.CREATED), true);
        switch (args[1]) {
            case "close" -> storage.close();
            case "exit" -> System.exit(0); // without closing (nor H2's shutdown hook: DB_CLOSE_ON_EXIT=FALSE)
            case "wait-to-be-killed" -> {
                System.out.println(STORED);
                System.out.flush();
                Thread.sleep(60_000);
            }
            default -> throw new IllegalArgumentException(args[1]);
        }
    }
}
