package vn.gov.eid.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepted messages in arrival order, and SMSC message ids. */
class MessageStoreTest {

    private final MessageStore store = new MessageStore();

    @Test
    void idsAreSixteenHexDigitsAndNeverRepeat() {
        String first = store.newMessageId();
        String second = store.newMessageId();
        assertTrue(first.matches("[0-9a-f]{16}"), first);
        assertNotEquals(first, second);
        assertEquals(first.substring(0, 8), second.substring(0, 8), "same run, same prefix");
        assertEquals(1, Long.parseLong(second.substring(8), 16) - Long.parseLong(first.substring(8), 16));
    }

    @Test
    void keepsMessagesOldestFirstUntilCleared() {
        ReceivedSms a = new ReceivedSms("1", "BoCongAn", "84912345678", "a", Instant.now());
        ReceivedSms b = new ReceivedSms("2", "BoCongAn", "84912345679", "b", Instant.now());
        store.add(a);
        store.add(b);
        List<ReceivedSms> all = store.all();
        assertEquals(List.of(a, b), all);
        assertThrows(UnsupportedOperationException.class, () -> all.add(a), "a copy, read-only");
        store.clear();
        assertEquals(List.of(), store.all());
        assertEquals(List.of(a, b), all, "an earlier copy is not emptied");
    }

    @Test
    void logMaskKeepsFirstAndLastThree() {
        assertEquals("849*****678", SubmitHandler.mask("84912345678"));
        assertEquals("***", SubmitHandler.mask("123456"));
        assertEquals("***", SubmitHandler.mask(null));
    }
}
