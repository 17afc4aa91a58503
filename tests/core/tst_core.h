// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The core library's test suite: one Qt Test class, its slots spread over a few files that
// compile into the one executable `test_core` (CTest label `core`).
//   tst_codec.cpp   fixture round trips of every type and frame, malformed input, JSON documents
//   tst_requests.cpp fixture round trips of the REST request bodies and answers, malformed bodies
//   tst_rules.cpp   validation and the permission table
//   tst_preview.cpp Markdown to the plain one-line glimpses of the room list, quotes, pins
//   tst_core.cpp    error codes, enums, timestamps, ids and clocks (and main)

#include <QObject>

class TestCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // tst_codec.cpp
    void typeRoundTrip_data();
    void typeRoundTrip();
    void clientFrameRoundTrip_data();
    void clientFrameRoundTrip();
    void serverFrameRoundTrip_data();
    void serverFrameRoundTrip();
    void everyFrameHasAFixture();
    void apiFieldNames_data();
    void apiFieldNames();
    void malformed_data();
    void malformed();
    void accepted_data();
    void accepted();
    void nestedPathPrefix();
    void parseDocument_data();
    void parseDocument();
    void parseErrorNamesWhere_data();
    void parseErrorNamesWhere();
    void parseErrorQuotesLittle();
    void documentDepthLimit_data();
    void documentDepthLimit();
    void jsonBytes();

    // tst_requests.cpp
    void restBodyRoundTrip_data();
    void restBodyRoundTrip();
    void everyRestBodyFixtureChecked();
    void restBodyMalformed_data();
    void restBodyMalformed();
    void restBodyDefaults();

    // tst_rules.cpp
    void validators_data();
    void validators();
    void validatorFieldOverride();
    void codePointCount_data();
    void codePointCount();
    void normalizeUsername();
    void permissionTableComplete();
    void permissionMatrix_data();
    void permissionMatrix();
    void targetRules_data();
    void targetRules();
    void roleChange_data();
    void roleChange();
    void nonMemberMayDoNothing();
    void serverAdminMayDoEverything();

    // tst_preview.cpp
    void markdownPreview_data();
    void markdownPreview();

    // tst_searchsyntax.cpp
    void searchSyntax_data();
    void searchSyntax();

    // tst_core.cpp
    void errorCodes_data();
    void errorCodes();
    void everyErrorCodeListed();
    void unknownErrorCodeNames_data();
    void unknownErrorCodeNames();
    void decodeErrorAndApiError();
    void enumWireNames_data();
    void enumWireNames();
    void enumsComplete();
    void unknownEnumNames_data();
    void unknownEnumNames();
    void timestampRoundTrip_data();
    void timestampRoundTrip();
    void badTimestamps_data();
    void badTimestamps();
    void randomIds();
    void sequentialIds();
    void clocks();
    void logLines();
    void memberOrder();
    void memberCursor();
};
