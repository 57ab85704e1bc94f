package com.contentsuite.passport.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByMobile(String mobile);

	Optional<Account> findByUsernameKey(String usernameKey);

	boolean existsByMobile(String mobile);

	boolean existsByUsernameKey(String usernameKey);

}
