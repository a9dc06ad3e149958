package vn.gov.eid.identity.messaging.out;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Names in SMS template parameters are upper-case ASCII without diacritics (plain JUnit). */
class AccountEventsTest {

    @Test
    void vietnameseNamesLoseTheirDiacritics() {
        assertEquals("NGUYEN VAN AN", AccountEvents.asciiUpper("Nguyễn Văn Ân"));
        assertEquals("DANG THI DAO", AccountEvents.asciiUpper("Đặng Thị Đào"));
        assertEquals("TRAN QUOC TUAN", AccountEvents.asciiUpper("  trần quốc tuấn "));
        assertEquals("LE VAN", AccountEvents.asciiUpper("Lê Văn 李"), "what has no ASCII form is dropped");
        assertEquals("", AccountEvents.asciiUpper(null));
    }
}
