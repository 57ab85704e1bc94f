package com.contentsuite.user.account;

/** A checked account event: parsed userID, masked mobile. */
record AccountEvent(long userId, String username, String mobile, String nickname, long version) {

}
