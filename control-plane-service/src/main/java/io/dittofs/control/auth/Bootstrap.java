package io.dittofs.control.auth;

import io.dittofs.control.adapters.AdapterDtos.CreateAdapter;
import io.dittofs.control.adapters.AdapterRepository;
import io.dittofs.control.adapters.AdapterService;
import io.dittofs.control.shares.ShareDtos.CreateShare;
import io.dittofs.control.shares.ShareRepository;
import io.dittofs.control.shares.ShareService;
import io.dittofs.control.stores.StoreDtos.CreateStore;
import io.dittofs.control.stores.StoreRepository;
import io.dittofs.control.stores.StoreRole;
import io.dittofs.control.stores.StoreService;
import io.dittofs.control.users.Passwords;
import io.dittofs.control.users.Role;
import io.dittofs.control.users.Sids;
import io.dittofs.control.users.UserEntity;
import io.dittofs.control.users.UserRepository;
import io.dittofs.control.settings.SettingsService;
import io.dittofs.control.watch.ConfigEventBus;
import io.dittofs.control.watch.ConfigEventRepository;
import java.io.Console;
import java.security.SecureRandom;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: the default stores, an NFS adapter and the share "export", so a fresh suite is
 * usable; and the "admin" user, with the configured initial password or a random one that must be
 * changed at first login. Runs before the web server takes requests.
 */
public class Bootstrap implements SmartInitializingSingleton {

    public static final String PASSWORD_MARKER = "DITTOFS-INITIAL-ADMIN-PASSWORD";
    /** How to reset the admin password, for log lines. */
    public static final String RESET_HINT = "stop DittoFS, then start it once with DITTOFS_ADMIN_INITIAL_PASSWORD='new-password'"
            + " ./dittofs --reset-admin-password (property dittofs.control.reset-admin-password=true)";
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final TransactionTemplate tx;
    private final UserRepository users;
    private final StoreRepository stores;
    private final AdapterRepository adapters;
    private final ShareRepository shares;
    private final StoreService storeService;
    private final AdapterService adapterService;
    private final ShareService shareService;
    private final SettingsService settings;
    private final ConfigEventRepository events;
    private final ConfigEventBus bus;
    private final SessionRepository sessions;
    private final String initialPassword;
    private final boolean seed;
    private final boolean resetAdminPassword;

    public Bootstrap(TransactionTemplate tx, UserRepository users, StoreRepository stores, AdapterRepository adapters,
                     ShareRepository shares, StoreService storeService, AdapterService adapterService,
                     ShareService shareService, SettingsService settings, ConfigEventRepository events,
                     ConfigEventBus bus, SessionRepository sessions, String initialPassword, boolean seed,
                     boolean resetAdminPassword) {
        this.tx = tx;
        this.users = users;
        this.stores = stores;
        this.adapters = adapters;
        this.shares = shares;
        this.storeService = storeService;
        this.adapterService = adapterService;
        this.shareService = shareService;
        this.settings = settings;
        this.events = events;
        this.bus = bus;
        this.initialPassword = initialPassword;
        this.seed = seed;
        this.sessions = sessions;
        this.resetAdminPassword = resetAdminPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.startAfter(tx.execute(s -> events.currentRevision()));
        tx.executeWithoutResult(s -> {
            settings.domainSid();
            if (seed && stores.count() == 0 && adapters.count() == 0 && shares.count() == 0) {
                storeService.create(StoreRole.METADATA, new CreateStore("default", "rocksdb", Map.of()));
                storeService.create(StoreRole.BLOCK, new CreateStore("default", "fs", Map.of()));
                adapterService.create(new CreateAdapter("nfs", true, 2049, "3", "4.2", 90, 90, 111));
                shareService.create(new CreateShare("export", "/export", "default", "default", false, null, null,
                        null, null, null, null, null, null));
                log.info("seeded default stores, the nfs adapter and the share 'export'");
            }
            if (!users.existsByName("admin")) {
                createAdmin();
            } else if (resetAdminPassword) {
                resetAdmin();
            } else if (initialPassword != null && !initialPassword.isEmpty()) {
                users.findByName("admin").filter(a -> a.getPasswordHash() == null || !Passwords.matches(initialPassword, a.getPasswordHash()))
                        .ifPresent(a -> log.warn("DITTOFS_ADMIN_INITIAL_PASSWORD was not applied: user 'admin' already exists in"
                                + " this data dir and keeps its password. To set it to that value: {}", RESET_HINT));
            }
        });
    }

    /** Sets admin's password to the initial one (or a random one to change), re-enables it and ends its sessions. */
    private void resetAdmin() {
        UserEntity admin = users.findByName("admin").orElseThrow();
        boolean random = initialPassword == null || initialPassword.isEmpty();
        String password = random ? randomPassword() : initialPassword;
        admin.setCredentials(Passwords.bcrypt(password), Passwords.ntHash(password));
        admin.setMustChangePassword(random);
        admin.setEnabled(true);
        users.saveAndFlush(admin);
        int ended = sessions.deleteByUserName("admin");
        if (random) {
            announceRandom(password);
        } else {
            log.warn("reset the password of user 'admin' to DITTOFS_ADMIN_INITIAL_PASSWORD ({} session(s) ended);"
                    + " start without --reset-admin-password from now on", ended);
        }
    }

    private void createAdmin() {
        boolean random = initialPassword == null || initialPassword.isEmpty();
        String password = random ? randomPassword() : initialPassword;
        // not uid 0: an admin of the API is not root on the shares
        long uid = 10000;
        while (users.existsByUid(uid)) {
            uid++;
        }
        UserEntity admin = new UserEntity("admin", uid, uid, Sids.forUser(settings.domainSid(), uid), Role.ADMIN);
        admin.setCredentials(Passwords.bcrypt(password), Passwords.ntHash(password));
        admin.setMustChangePassword(random);
        users.saveAndFlush(admin);
        if (!random) {
            log.info("created user 'admin' with the configured initial password");
            return;
        }
        announceRandom(password);
    }

    private void announceRandom(String password) {
        Console console = System.console();
        if (console != null) {
            console.printf("%n  DittoFS admin user created. Initial password (shown once, change it at first login): %s%n%n", password);
            console.flush();
        } else {
            log.warn("{} user=admin password={} (shown once; change it at first login)", PASSWORD_MARKER, password);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
