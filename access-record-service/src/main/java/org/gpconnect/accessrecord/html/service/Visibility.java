package org.gpconnect.accessrecord.html.service;

/**
 * Whether one item of the record may appear in a view (access-record-html.md §7): shown; excluded for
 * confidentiality or patient preference (practice-confidential, or coded in the sensitive exclusion set),
 * which the (sub)section's exclusion banner declares; or withheld without a banner because it is not part
 * of the record yet (received electronically, awaiting filing: only committed data is returned, §3).
 */
enum Visibility {
    SHOWN, EXCLUDED, WITHHELD
}
