package io.dittofs.control.config;

import io.dittofs.control.adapters.AdapterController;
import io.dittofs.control.adapters.AdapterRepository;
import io.dittofs.control.adapters.AdapterService;
import io.dittofs.control.adapters.RunningListeners;
import io.dittofs.control.api.ProblemErrorController;
import io.dittofs.control.api.ProblemHandler;
import io.dittofs.control.api.RequestSizeLimit;
import io.dittofs.control.audit.AuditLog;
import io.dittofs.control.auth.AuthController;
import io.dittofs.control.auth.LoginThrottle;
import io.dittofs.control.auth.AuthService;
import io.dittofs.control.auth.Bootstrap;
import io.dittofs.control.auth.JwtCodec;
import io.dittofs.control.auth.SecretRepository;
import io.dittofs.control.auth.SessionRepository;
import io.dittofs.control.auth.SigningKey;
import io.dittofs.control.groups.GroupController;
import io.dittofs.control.groups.GroupRepository;
import io.dittofs.control.groups.GroupService;
import io.dittofs.control.idp.IdentityProviderRepository;
import io.dittofs.control.idp.IdentityResolver;
import io.dittofs.control.idp.IdpController;
import io.dittofs.control.idp.IdpService;
import io.dittofs.control.settings.SettingRepository;
import io.dittofs.control.settings.SettingsController;
import io.dittofs.control.settings.SettingsService;
import io.dittofs.control.settings.StatusController;
import io.dittofs.control.shares.ShareController;
import io.dittofs.control.shares.ShareRepository;
import io.dittofs.control.shares.ShareService;
import io.dittofs.control.namespace.NamespaceProperties;
import io.dittofs.control.namespace.ShareNamespaces;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.control.stores.StoreController;
import io.dittofs.control.stores.StoreRepository;
import io.dittofs.control.stores.StoreService;
import io.dittofs.control.users.UserController;
import io.dittofs.control.users.UserRepository;
import io.dittofs.control.users.UserService;
import io.dittofs.control.watch.ConfigChangeLog;
import io.dittofs.control.watch.ConfigEventBus;
import io.dittofs.control.watch.ConfigEventRepository;
import io.dittofs.control.watch.ConfigWatchGrpcService;
import io.dittofs.control.watch.IdentityGrpcService;
import io.dittofs.control.watch.SnapshotService;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;

/**
 * Everything the control plane needs in a Spring context: JPA repositories and entities, services,
 * REST controllers, security, and the gRPC services {@code configWatchGrpcService} and
 * {@code identityGrpcService} (BindableService beans, not hosted here: ControlPlaneApplication
 * hosts them standalone, the launcher on its shared in-process server). Works standalone and
 * when @Imported next to other services.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ControlPlaneProperties.class, NamespaceProperties.class})
@EnableJpaRepositories(basePackages = "io.dittofs.control")
@EntityScan(basePackages = "io.dittofs.control")
@PropertySource("classpath:dittofs-control-defaults.properties")
@Import({SecurityConfiguration.class, OpenApiConfiguration.class, ProblemHandler.class, ProblemErrorController.class,
        AuthController.class, UserController.class,
        GroupController.class, ShareController.class, StoreController.class, AdapterController.class,
        IdpController.class, SettingsController.class, StatusController.class})
public class ControlPlaneConfiguration {

    private static final Clock CLOCK = Clock.systemUTC();

    /** Unknown JSON fields are a client error, not something to ignore silently. */
    @Bean
    public JsonMapperBuilderCustomizer controlPlaneStrictJson() {
        return b -> b.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Ahead of Spring Security, so an oversized body is refused before anyone reads it (login included). */
    @Bean
    public FilterRegistrationBean<RequestSizeLimit> controlPlaneRequestSizeLimit(ControlPlaneProperties props) {
        FilterRegistrationBean<RequestSizeLimit> r = new FilterRegistrationBean<>(new RequestSizeLimit(props.maxRequestBytes()));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return r;
    }

    @Bean
    public ConfigEventBus configEventBus(ConfigEventRepository events, PlatformTransactionManager tx) {
        return new ConfigEventBus(events, tx);
    }

    @Bean
    public ConfigChangeLog configChangeLog(ConfigEventRepository events, ConfigEventBus bus) {
        return new ConfigChangeLog(events, bus);
    }

    @Bean
    public SnapshotService snapshotService(ConfigEventRepository events, ShareRepository shares, AdapterRepository adapters,
                                           UserRepository users, GroupRepository groups, StoreRepository stores) {
        return new SnapshotService(events, shares, adapters, users, groups, stores);
    }

    @Bean
    public SettingsService settingsService(SettingRepository settings) {
        return new SettingsService(settings);
    }

    @Bean(destroyMethod = "close")
    public ShareNamespaces shareNamespaces(NamespaceProperties props) {
        String target = props.metadataTarget().trim();
        return new ShareNamespaces(target.isEmpty() ? null : ServiceChannels.open(target), props.reconcileInterval());
    }

    @Bean
    public ShareService shareService(ShareRepository shares, StoreRepository stores, UserRepository users,
                                     GroupRepository groups, ConfigChangeLog changes, ShareNamespaces namespaces) {
        ShareService service = new ShareService(shares, stores, users, groups, changes, namespaces);
        namespaces.start(service::ids);
        return service;
    }

    @Bean
    public UserService userService(UserRepository users, GroupRepository groups, SessionRepository sessions,
                                   SettingsService settings, ConfigChangeLog changes, ShareService shares) {
        return new UserService(users, groups, sessions, settings, changes, shares);
    }

    @Bean
    public GroupService groupService(GroupRepository groups, UserRepository users, SettingsService settings,
                                     ConfigChangeLog changes, ShareService shares) {
        return new GroupService(groups, users, settings, changes, shares);
    }

    @Bean
    public StoreService storeService(StoreRepository stores, ShareRepository shares, ConfigChangeLog changes) {
        return new StoreService(stores, shares, changes);
    }

    @Bean
    public AdapterService adapterService(AdapterRepository adapters, ConfigChangeLog changes, RunningListeners running) {
        return new AdapterService(adapters, changes, running);
    }

    @Bean
    public RunningListeners runningListeners() {
        return new RunningListeners();
    }

    @Bean
    public IdentityResolver identityResolver(UserRepository users, GroupRepository groups, IdentityProviderRepository idp) {
        return new IdentityResolver(users, groups, idp, CLOCK);
    }

    @Bean
    public IdpService idpService(IdentityProviderRepository idp, IdentityResolver resolver) {
        return new IdpService(idp, resolver);
    }

    @Bean
    public JwtCodec controlPlaneJwtCodec(ControlPlaneProperties props, SecretRepository secrets, PlatformTransactionManager tx) {
        return new JwtCodec(new SigningKey(props.jwt().secret(), secrets, new TransactionTemplate(tx)));
    }

    @Bean
    public AuthService authService(UserRepository users, SessionRepository sessions, IdentityResolver identities,
                                   JwtCodec controlPlaneJwtCodec, ControlPlaneProperties props) {
        return new AuthService(users, sessions, identities, controlPlaneJwtCodec, CLOCK,
                props.jwt().accessTtl(), props.jwt().refreshTtl());
    }

    @Bean
    public LoginThrottle controlPlaneLoginThrottle(ControlPlaneProperties props) {
        ControlPlaneProperties.LoginThrottle t = props.loginThrottle();
        return new LoginThrottle(new LoginThrottle.Policy(t.freeAttemptsPerUser(), t.freeAttemptsPerAddress(), t.baseDelay(),
                t.maxDelay(), t.forgetAfter(), t.maxTracked()), CLOCK);
    }

    @Bean
    public AuditLog controlPlaneAuditLog() {
        return new AuditLog();
    }

    @Bean
    public Bootstrap controlPlaneBootstrap(PlatformTransactionManager tx, UserRepository users, StoreRepository stores,
                                           AdapterRepository adapters, ShareRepository shares, StoreService storeService,
                                           AdapterService adapterService, ShareService shareService,
                                           SettingsService settings, ConfigEventRepository events, ConfigEventBus bus,
                                           SessionRepository sessions, ControlPlaneProperties props) {
        return new Bootstrap(new TransactionTemplate(tx), users, stores, adapters, shares, storeService, adapterService,
                shareService, settings, events, bus, sessions, props.initialPassword(), props.seed(),
                props.resetAdminPassword());
    }

    @Bean
    public ConfigWatchGrpcService configWatchGrpcService(SnapshotService snapshots, ConfigEventRepository events,
                                                         ConfigEventBus bus) {
        return new ConfigWatchGrpcService(snapshots, events, bus);
    }

    @Bean
    public IdentityGrpcService identityGrpcService(IdentityResolver resolver, UserRepository users,
                                                   PlatformTransactionManager tx) {
        TransactionTemplate readOnly = new TransactionTemplate(tx);
        readOnly.setReadOnly(true);
        return new IdentityGrpcService(resolver, users, readOnly);
    }
}
