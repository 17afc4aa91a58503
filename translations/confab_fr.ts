<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>MessagePreview</name>
    <message>
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 a rejoint le salon</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 a ajouté %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 a quitté le salon</translation>
    </message>
    <message>
        <source>%1 removed %2 from the room</source>
        <translation>%1 a retiré %2 du salon</translation>
    </message>
    <message>
        <source>%1 banned %2 from the room</source>
        <translation>%1 a banni %2 du salon</translation>
    </message>
    <message>
        <source>%1 renamed the room to “%2”</source>
        <translation>%1 a renommé le salon en « %2 »</translation>
    </message>
    <message>
        <source>%1 changed the topic</source>
        <translation>%1 a changé le sujet</translation>
    </message>
    <message>
        <source>%1 changed the room picture</source>
        <translation>%1 a changé l’image du salon</translation>
    </message>
    <message>
        <source>%1 changed the room settings</source>
        <translation>%1 a modifié les paramètres du salon</translation>
    </message>
    <message>
        <source>%1 pinned a message</source>
        <translation>%1 a épinglé un message</translation>
    </message>
    <message>
        <source>%1 pinned a message by %2: “%3”</source>
        <translation>%1 a épinglé un message de %2 : « %3 »</translation>
    </message>
    <message>
        <source>%1 made %2 the owner of the room</source>
        <translation>%1 a fait de %2 le propriétaire du salon</translation>
    </message>
    <message>
        <source>%1 turned on the assistant</source>
        <translation>%1 a activé l’assistant</translation>
    </message>
    <message>
        <source>Deleted message</source>
        <translation>Message supprimé</translation>
    </message>
    <message>
        <source>Poll: %1</source>
        <translation>Sondage : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo: %1</source>
        <translation>Photo : %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier : %1</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Réponse en cours…</translation>
    </message>
</context>
<context>
    <name>PollCard</name>
    <message>
        <source>Enter to vote</source>
        <translation>Entrée pour voter</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Choix multiple</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Choix unique</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>closes %1</source>
        <translation>se termine le %1</translation>
    </message>
    <message>
        <source>1 vote</source>
        <translation>1 vote</translation>
    </message>
    <message>
        <source>%1 votes</source>
        <translation>%1 votes</translation>
    </message>
    <message>
        <source>1 voter</source>
        <translation>1 votant</translation>
    </message>
    <message>
        <source>%1 voters</source>
        <translation>%1 votants</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Poll: %1 %2.</source>
        <translation>Sondage : %1 %2.</translation>
    </message>
    <message>
        <source>You voted %1.</source>
        <translation>Vous avez voté %1.</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>Clos.</translation>
    </message>
</context>
<context>
    <name>confab::client::ApiClient</name>
    <message>
        <source>The server answered with status %1.</source>
        <translation>Le serveur a répondu avec le statut %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Impossible de joindre le serveur : %1</translation>
    </message>
    <message>
        <source>The server's answer could not be read.</source>
        <translation>La réponse du serveur n’a pas pu être lue.</translation>
    </message>
</context>
<context>
    <name>confab::client::AuditLogModel</name>
    <message>
        <source>Added</source>
        <translation>A ajouté</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>A banni</translation>
    </message>
    <message>
        <source>Lifted the ban on</source>
        <translation>A levé le bannissement de</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>A rendu muet</translation>
    </message>
    <message>
        <source>Unmuted</source>
        <translation>A rendu la parole à</translation>
    </message>
    <message>
        <source>Made member</source>
        <translation>A nommé membre</translation>
    </message>
    <message>
        <source>Made moderator</source>
        <translation>A nommé modérateur</translation>
    </message>
    <message>
        <source>Made admin</source>
        <translation>A nommé administrateur</translation>
    </message>
    <message>
        <source>Changed the room settings</source>
        <translation>A modifié les paramètres du salon</translation>
    </message>
    <message>
        <source>Deleted the room</source>
        <translation>A supprimé le salon</translation>
    </message>
    <message>
        <source>Handed ownership to</source>
        <translation>A cédé la propriété à</translation>
    </message>
    <message>
        <source>Deleted a message of</source>
        <translation>A supprimé un message de</translation>
    </message>
    <message>
        <source>Pinned a message</source>
        <translation>A épinglé un message</translation>
    </message>
    <message>
        <source>Unpinned a message</source>
        <translation>A désépinglé un message</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4. %5</source>
        <translation>%1 : %2 %3 %4. %5</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Kicked</source>
        <translation>A exclu</translation>
    </message>
</context>
<context>
    <name>confab::client::BanListModel</name>
    <message>
        <source>(no reason given)</source>
        <translation>(aucun motif indiqué)</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>%1, banned by %2, %3. Reason: %4</source>
        <translation>%1, banni par %2, %3. Motif : %4</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <source>permanently</source>
        <translation>définitivement</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Banned by</source>
        <translation>Banni par</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu’au</translation>
    </message>
</context>
<context>
    <name>confab::client::ChatEngine</name>
    <message>
        <source>Cannot open the local cache %1: %2</source>
        <translation>Impossible d’ouvrir le cache local %1 : %2</translation>
    </message>
    <message>
        <source>The message was not edited: %1</source>
        <translation>Le message n’a pas été modifié : %1</translation>
    </message>
    <message>
        <source>The message was not deleted: %1</source>
        <translation>Le message n’a pas été supprimé : %1</translation>
    </message>
    <message>
        <source>Your reaction %1 was not added: %2</source>
        <translation>Votre réaction %1 n’a pas été ajoutée : %2</translation>
    </message>
    <message>
        <source>Your reaction %1 was not removed: %2</source>
        <translation>Votre réaction %1 n’a pas été retirée : %2</translation>
    </message>
    <message>
        <source>The message was not pinned: %1</source>
        <translation>Le message n’a pas été épinglé : %1</translation>
    </message>
    <message>
        <source>The message was not unpinned: %1</source>
        <translation>Le message n’a pas été désépinglé : %1</translation>
    </message>
    <message>
        <source>Could not mark the messages as read: %1</source>
        <translation>Impossible de marquer les messages comme lus : %1</translation>
    </message>
    <message>
        <source>The poll was not created: %1</source>
        <translation>Le sondage n’a pas été créé : %1</translation>
    </message>
    <message>
        <source>Your vote was not counted: %1</source>
        <translation>Votre vote n’a pas été compté : %1</translation>
    </message>
    <message>
        <source>The poll was not closed: %1</source>
        <translation>Le sondage n’a pas été clos : %1</translation>
    </message>
    <message>
        <source>The answer was not stopped: %1</source>
        <translation>La réponse n’a pas été arrêtée : %1</translation>
    </message>
    <message>
        <source>The assistant was not asked again: %1</source>
        <translation>L’assistant n’a pas pu être relancé : %1</translation>
    </message>
</context>
<context>
    <name>confab::client::DataExport</name>
    <message>
        <source>The server answered %1.</source>
        <translation>Le serveur a répondu %1.</translation>
    </message>
</context>
<context>
    <name>confab::client::ErrorText</name>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>Le mot de passe doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>A display name needs 1 to %1 characters.</source>
        <translation>Le nom affiché doit comporter de 1 à %1 caractères.</translation>
    </message>
    <message>
        <source>A room name needs 1 to %1 characters.</source>
        <translation>Le nom du salon doit comporter de 1 à %1 caractères.</translation>
    </message>
    <message>
        <source>A description has at most %1 characters.</source>
        <translation>La description comporte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The server does not accept this message (empty, too long, or a word this room does not allow).</source>
        <translation>Le serveur n’accepte pas ce message (vide, trop long ou contenant un mot que ce salon n’autorise pas).</translation>
    </message>
    <message>
        <source>A reason has at most %1 characters.</source>
        <translation>Le motif comporte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The server does not accept this value.</source>
        <translation>Le serveur n’accepte pas cette valeur.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Le serveur a refusé la demande.</translation>
    </message>
    <message>
        <source>You are not signed in any more. Sign in again.</source>
        <translation>Vous n’êtes plus connecté. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>You are not allowed to do that here.</source>
        <translation>Vous n’avez pas le droit de faire cela ici.</translation>
    </message>
    <message>
        <source>The server does not have that.</source>
        <translation>Le serveur n’a pas cela.</translation>
    </message>
    <message>
        <source>That room does not exist, or you are not in it.</source>
        <translation>Ce salon n’existe pas, ou vous n’en faites pas partie.</translation>
    </message>
    <message>
        <source>That message does not exist any more.</source>
        <translation>Ce message n’existe plus.</translation>
    </message>
    <message>
        <source>There is no such person here.</source>
        <translation>Cette personne n’est pas ici.</translation>
    </message>
    <message>
        <source>That username is taken.</source>
        <translation>Ce nom d’utilisateur est déjà pris.</translation>
    </message>
    <message>
        <source>That cannot be done now: it is already done, or a limit is reached.</source>
        <translation>Impossible pour l’instant : c’est déjà fait, ou une limite est atteinte.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in a moment.</source>
        <translation>Trop de tentatives. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>That is too large for the server.</source>
        <translation>C’est trop volumineux pour le serveur.</translation>
    </message>
    <message>
        <source>The server took too long to answer. Try again.</source>
        <translation>Le serveur a mis trop de temps à répondre. Réessayez.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Le serveur est occupé. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The server could not complete this request.</source>
        <translation>Le serveur n’a pas pu traiter cette demande.</translation>
    </message>
    <message>
        <source>The server did not understand the request. This version of Confab may not match the server's.</source>
        <translation>Le serveur n’a pas compris la demande. Cette version de Confab ne correspond peut-être pas à celle du serveur.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Le serveur a refusé la demande : %1</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nom d’utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>A username has %1 to %2 characters: letters a-z, digits, “_”, “.” and “-”.</source>
        <translation>Un nom d’utilisateur comporte de %1 à %2 caractères : lettres a-z, chiffres, « _ », « . » et « - ».</translation>
    </message>
    <message>
        <source>The search is not understood: check its filters (from:, in:, before:, after:, has:file).</source>
        <translation>La recherche n’est pas comprise : vérifiez ses filtres (from:, in:, before:, after:, has:file).</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>The server cannot do this now: %1</source>
        <translation>Le serveur ne peut pas le faire pour le moment : %1</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation>Trop de tentatives. Réessayez dans %1.</translation>
    </message>
    <message>
        <source>Try again in %1.</source>
        <translation>Réessayez dans %1.</translation>
    </message>
</context>
<context>
    <name>confab::client::EventPollTransport</name>
    <message>
        <source>The server sent an answer this client cannot read (%1).</source>
        <translation>Le serveur a envoyé une réponse que ce client ne sait pas lire (%1).</translation>
    </message>
</context>
<context>
    <name>confab::client::FileUpload</name>
    <message>
        <source>This file does not fit in your storage quota of %1 (%2 used).</source>
        <translation>Ce fichier dépasse votre quota de stockage de %1 (%2 utilisés).</translation>
    </message>
    <message>
        <source>This file is larger than the limit of %1.</source>
        <translation>Ce fichier dépasse la limite de %1.</translation>
    </message>
    <message>
        <source>This room does not allow files.</source>
        <translation>Ce salon n’accepte pas les fichiers.</translation>
    </message>
    <message>
        <source>This room does not allow this type of file.</source>
        <translation>Ce salon n’accepte pas ce type de fichier.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 changed since it was attached.</source>
        <translation>%1 a changé depuis qu’il a été joint.</translation>
    </message>
    <message>
        <source>The server's answer could not be read.</source>
        <translation>La réponse du serveur est illisible.</translation>
    </message>
</context>
<context>
    <name>confab::client::KnownUsers</name>
    <message>
        <source>Server administration</source>
        <translation>Administration du serveur</translation>
    </message>
    <message>
        <source>Unknown user (%1)</source>
        <translation>Utilisateur inconnu (%1)</translation>
    </message>
</context>
<context>
    <name>confab::client::LastSeenText</name>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Last seen just now</source>
        <translation>Vu à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>Last seen %n min ago</source>
        <translation>
            <numerusform>Vu il y a %n min</numerusform>
            <numerusform>Vu il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last seen %n h ago</source>
        <translation>
            <numerusform>Vu il y a %n h</numerusform>
            <numerusform>Vu il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Last seen yesterday</source>
        <translation>Vu hier</translation>
    </message>
    <message numerus="yes">
        <source>Last seen %n days ago</source>
        <translation>
            <numerusform>Vu il y a %n jours</numerusform>
            <numerusform>Vu il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Last seen on %1</source>
        <translation>Vu le %1</translation>
    </message>
</context>
<context>
    <name>confab::client::MediaCache</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The server does not have this file (any more).</source>
        <translation>Le serveur n’a pas (ou plus) ce fichier.</translation>
    </message>
    <message>
        <source>The file could not be downloaded: %1</source>
        <translation>Le fichier n’a pas pu être téléchargé : %1</translation>
    </message>
</context>
<context>
    <name>confab::client::MemberModel</name>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>away</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>occupé</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>muet</translation>
    </message>
</context>
<context>
    <name>confab::client::MessageModel</name>
    <message>
        <source>This message was deleted.</source>
        <translation>Ce message a été supprimé.</translation>
    </message>
</context>
<context>
    <name>confab::client::ModerationActions</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 now owns the room.</source>
        <translation>%1 est désormais propriétaire du salon.</translation>
    </message>
    <message>
        <source>%1 is now an admin.</source>
        <translation>%1 est désormais administrateur.</translation>
    </message>
    <message>
        <source>%1 is now a moderator.</source>
        <translation>%1 est désormais modérateur.</translation>
    </message>
    <message>
        <source>%1 is now a member.</source>
        <translation>%1 est désormais membre.</translation>
    </message>
    <message>
        <source>Could not change the role of %1</source>
        <translation>Impossible de changer le rôle de %1</translation>
    </message>
    <message>
        <source>Could not hand the room over to %1</source>
        <translation>Impossible de céder le salon à %1</translation>
    </message>
    <message>
        <source>%1 is muted.</source>
        <translation>%1 est rendu muet.</translation>
    </message>
    <message>
        <source>Could not mute %1</source>
        <translation>Impossible de rendre %1 muet</translation>
    </message>
    <message>
        <source>%1 may post again.</source>
        <translation>%1 peut de nouveau publier.</translation>
    </message>
    <message>
        <source>Could not unmute %1</source>
        <translation>Impossible de rendre la parole à %1</translation>
    </message>
    <message>
        <source>%1 was removed from the room.</source>
        <translation>%1 a été retiré du salon.</translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation>Impossible de retirer %1</translation>
    </message>
    <message>
        <source>%1 is banned.</source>
        <translation>%1 est banni.</translation>
    </message>
    <message>
        <source>Could not ban %1</source>
        <translation>Impossible de bannir %1</translation>
    </message>
    <message>
        <source>%1 is no longer banned.</source>
        <translation>%1 n’est plus banni.</translation>
    </message>
    <message>
        <source>Could not lift the ban on %1</source>
        <translation>Impossible de lever le bannissement de %1</translation>
    </message>
    <message>
        <source>Room settings saved.</source>
        <translation>Paramètres du salon enregistrés.</translation>
    </message>
    <message>
        <source>Could not save the room settings</source>
        <translation>Impossible d’enregistrer les paramètres du salon</translation>
    </message>
    <message>
        <source>The room was deleted.</source>
        <translation>Le salon a été supprimé.</translation>
    </message>
    <message>
        <source>Could not delete the room</source>
        <translation>Impossible de supprimer le salon</translation>
    </message>
</context>
<context>
    <name>confab::client::ModerationPolicy</name>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Modérateur</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>You are not a member of this room.</source>
        <translation>Vous n’êtes pas membre de ce salon.</translation>
    </message>
    <message>
        <source>Only the room's owner can do this.</source>
        <translation>Seul le propriétaire du salon peut faire cela.</translation>
    </message>
    <message>
        <source>This needs the role %1 or higher; yours is %2.</source>
        <translation>Cela nécessite le rôle %1 ou supérieur ; le vôtre est %2.</translation>
    </message>
    <message>
        <source>Nobody may do this.</source>
        <translation>Personne ne peut faire cela.</translation>
    </message>
    <message>
        <source>You can only do this to members whose role is below yours (%1).</source>
        <translation>Vous ne pouvez faire cela qu’aux membres dont le rôle est inférieur au vôtre (%1).</translation>
    </message>
    <message>
        <source>You cannot change your own role.</source>
        <translation>Vous ne pouvez pas changer votre propre rôle.</translation>
    </message>
    <message>
        <source>You can only give roles below your own (%1).</source>
        <translation>Vous ne pouvez attribuer que des rôles inférieurs au vôtre (%1).</translation>
    </message>
    <message>
        <source>You already own this room.</source>
        <translation>Vous êtes déjà propriétaire de ce salon.</translation>
    </message>
    <message>
        <source>You cannot mute yourself.</source>
        <translation>Vous ne pouvez pas vous rendre muet vous-même.</translation>
    </message>
    <message>
        <source>Leave the room instead of removing yourself.</source>
        <translation>Quittez le salon plutôt que de vous en retirer vous-même.</translation>
    </message>
    <message>
        <source>You cannot ban yourself.</source>
        <translation>Vous ne pouvez pas vous bannir vous-même.</translation>
    </message>
    <message>
        <source>This is an announcement room: posting here needs the role %1 or higher.</source>
        <translation>Ceci est un salon d’annonces : y publier nécessite le rôle %1 ou supérieur.</translation>
    </message>
</context>
<context>
    <name>confab::client::PostingState</name>
    <message>
        <source>You are muted in this room until %1.</source>
        <translation>Vous êtes muet dans ce salon jusqu’au %1.</translation>
    </message>
    <message>
        <source>You are muted in this room until a moderator lifts it.</source>
        <translation>Vous êtes muet dans ce salon jusqu’à ce qu’un modérateur lève la mesure.</translation>
    </message>
    <message numerus="yes">
        <source>You can send again in %n s.</source>
        <translation>
            <numerusform>Vous pourrez de nouveau envoyer dans %n s.</numerusform>
            <numerusform>Vous pourrez de nouveau envoyer dans %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::client::RealtimeConnection</name>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Retrying in %n s</source>
        <translation>
            <numerusform>Connexion perdue. Nouvelle tentative dans %n s</numerusform>
            <numerusform>Connexion perdue. Nouvelle tentative dans %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>long-poll fallback: WebSockets are blocked</source>
        <translation>long-poll de secours : les WebSockets sont bloqués</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Connected (%1)</source>
        <translation>Connecté (%1)</translation>
    </message>
</context>
<context>
    <name>confab::client::RoomActions</name>
    <message>
        <source>You are signed out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Saisissez un nom d’utilisateur.</translation>
    </message>
    <message>
        <source>That is you. Enter someone else's username.</source>
        <translation>C’est vous. Saisissez le nom d’utilisateur de quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>There is no user called %1.</source>
        <translation>Il n’y a aucun utilisateur nommé %1.</translation>
    </message>
    <message>
        <source>You cannot leave this room now. If you own it, hand ownership to another member first.</source>
        <translation>Vous ne pouvez pas quitter ce salon maintenant. Si vous en êtes le propriétaire, cédez d’abord la propriété à un autre membre.</translation>
    </message>
</context>
<context>
    <name>confab::client::RoomListModel</name>
    <message>
        <source>Direct conversation</source>
        <translation>Conversation directe</translation>
    </message>
</context>
<context>
    <name>confab::client::Session</name>
    <message>
        <source>Please sign in.</source>
        <translation>Veuillez vous connecter.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session a pris fin. Veuillez vous reconnecter.</translation>
    </message>
</context>
<context>
    <name>confab::client::SignOutReason</name>
    <message>
        <source>Your password was changed on another device. Sign in again.</source>
        <translation>Votre mot de passe a été modifié sur un autre appareil. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Your password was reset by an administrator. Sign in again.</source>
        <translation>Un administrateur a réinitialisé votre mot de passe. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>This session was signed out. Sign in again.</source>
        <translation>Cette session a été fermée. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Your account was disabled by an administrator.</source>
        <translation>Un administrateur a désactivé votre compte.</translation>
    </message>
    <message>
        <source>Your account was banned from this server.</source>
        <translation>Votre compte a été banni de ce serveur.</translation>
    </message>
    <message>
        <source>Your account was deleted.</source>
        <translation>Votre compte a été supprimé.</translation>
    </message>
</context>
<context>
    <name>confab::client::SyncEngine</name>
    <message>
        <source>You left the room.</source>
        <translation>Vous avez quitté le salon.</translation>
    </message>
    <message>
        <source>The room was deleted.</source>
        <translation>Le salon a été supprimé.</translation>
    </message>
    <message>
        <source>You were removed from the room by a moderator.</source>
        <translation>Un modérateur vous a retiré du salon.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>You were banned from the room.</source>
        <translation>Vous avez été banni du salon.</translation>
    </message>
    <message>
        <source>You were banned from the room until %1.</source>
        <translation>Vous avez été banni du salon jusqu’au %1.</translation>
    </message>
</context>
<context>
    <name>confab::client::TokenStore</name>
    <message>
        <source>No keychain is available (%1). You stay signed in until you quit Confab; to stay signed in after that, allow keeping the token in a file.</source>
        <translation>Aucun trousseau n’est disponible (%1). Vous restez connecté jusqu’à ce que vous quittiez Confab ; pour rester connecté ensuite, autorisez la conservation du jeton dans un fichier.</translation>
    </message>
    <message>
        <source>No keychain is available (%1). As you allowed, the token is kept in %2, readable only by you.</source>
        <translation>Aucun trousseau n’est disponible (%1). Comme vous l’avez autorisé, le jeton est conservé dans %2, lisible par vous seul.</translation>
    </message>
</context>
<context>
    <name>confab::client::TypingModel</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 est en train d’écrire…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 et %2 sont en train d’écrire…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes sont en train d’écrire…</translation>
    </message>
</context>
<context>
    <name>confab::ui::AccountButton</name>
    <message>
        <source>Status menu</source>
        <translation>Menu d’état</translation>
    </message>
    <message>
        <source>Set a status &amp;message…</source>
        <translation>Définir un &amp;message d’état…</translation>
    </message>
    <message>
        <source>C&amp;lear the status message</source>
        <translation>&amp;Effacer le message d’état</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation>Invisible</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Account: signed out</source>
        <translation>Compte : déconnecté</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2) : %3</translation>
    </message>
    <message>
        <source>Your status: %1. Opens the status menu.</source>
        <translation>Votre état : %1. Ouvre le menu d’état.</translation>
    </message>
</context>
<context>
    <name>confab::ui::ActionDialog</name>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>confab::ui::AnonymousToggle</name>
    <message>
        <source>Post anonymously</source>
        <translation>Publier anonymement</translation>
    </message>
    <message>
        <source>Post anonymously (Ctrl+Shift+A)</source>
        <translation>Publier anonymement (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>🎭 Posting anonymously: your name is hidden from everyone. Ctrl+Shift+A turns it off.</source>
        <translation>🎭 Vous publiez anonymement : votre nom est caché à tous. Ctrl+Maj+A le désactive.</translation>
    </message>
    <message>
        <source>Anonymous posting is on</source>
        <translation>La publication anonyme est activée</translation>
    </message>
    <message>
        <source>Posting anonymously… (%1)</source>
        <translation>Publication anonyme… (%1)</translation>
    </message>
    <message>
        <source>Posting anonymously</source>
        <translation>Publication anonyme</translation>
    </message>
</context>
<context>
    <name>confab::ui::AnswerControls</name>
    <message>
        <source>generating…</source>
        <translation>rédaction en cours…</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Arrêtée avant la fin.</translation>
    </message>
    <message>
        <source>The assistant could not answer.</source>
        <translation>L’assistant n’a pas pu répondre.</translation>
    </message>
    <message>
        <source>The assistant could not answer: %1</source>
        <translation>L’assistant n’a pas pu répondre : %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Ask the assistant again</source>
        <translation>Redemander à l’assistant</translation>
    </message>
</context>
<context>
    <name>confab::ui::AttachmentActions</name>
    <message>
        <source>Save file</source>
        <translation>Enregistrer le fichier</translation>
    </message>
</context>
<context>
    <name>confab::ui::AttachmentStrip</name>
    <message>
        <source>Files to send</source>
        <translation>Fichiers à envoyer</translation>
    </message>
    <message>
        <source>Cannot attach %1: it is not a readable file.</source>
        <translation>Impossible de joindre %1 : ce n’est pas un fichier lisible.</translation>
    </message>
    <message>
        <source>At most %1 files go with one message.</source>
        <translation>Un message contient au plus %1 fichiers.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>Remove (Delete)</source>
        <translation>Retirer (Suppr)</translation>
    </message>
</context>
<context>
    <name>confab::ui::AvatarCropper</name>
    <message>
        <source>Picture crop area</source>
        <translation>Zone de recadrage de l’image</translation>
    </message>
    <message>
        <source>Arrow keys move the square, Shift with an arrow moves it faster, plus and minus make it larger or smaller.</source>
        <translation>Les flèches déplacent le carré, Maj avec une flèche le déplace plus vite, plus et moins l’agrandissent ou le réduisent.</translation>
    </message>
    <message>
        <source>Choose a picture to crop it here.</source>
        <translation>Choisissez une image pour la recadrer ici.</translation>
    </message>
    <message>
        <source>The square covers %1% of the picture's shorter side, starting %2 pixels from the left and %3 from the top. Arrow keys move it, plus and minus resize it.</source>
        <translation>Le carré couvre %1 % du côté le plus court de l’image, à %2 pixels de la gauche et %3 du haut. Les flèches le déplacent, plus et moins changent sa taille.</translation>
    </message>
</context>
<context>
    <name>confab::ui::BrowseRoomsDialog</name>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Rejoindre</translation>
    </message>
    <message>
        <source>Browse rooms</source>
        <translation>Parcourir les salons</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Rechercher des salons</translation>
    </message>
    <message>
        <source>Search by name or description</source>
        <translation>Rechercher par nom ou description</translation>
    </message>
    <message>
        <source>Public rooms</source>
        <translation>Salons publics</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Number of rooms found</source>
        <translation>Nombre de salons trouvés</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>%1 (announcements)</source>
        <translation>%1 (annonces)</translation>
    </message>
    <message>
        <source>%1 — joined</source>
        <translation>%1 — déjà membre</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n members, %2</source>
        <translation>
            <numerusform>%1, %n membre, %2</numerusform>
            <numerusform>%1, %n membres, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no public rooms yet.</source>
        <translation>Il n’y a pas encore de salon public.</translation>
    </message>
    <message>
        <source>No public room matches “%1”.</source>
        <translation>Aucun salon public ne correspond à « %1 ».</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n rooms; type to narrow the search.</source>
        <translation>
            <numerusform>Premier salon affiché ; tapez pour affiner la recherche.</numerusform>
            <numerusform>Les %n premiers salons sont affichés ; tapez pour affiner la recherche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n salon</numerusform>
            <numerusform>%n salons</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Connexion au salon…</translation>
    </message>
</context>
<context>
    <name>confab::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Reply or edit</source>
        <translation>Répondre ou modifier</translation>
    </message>
    <message>
        <source>Replying to or editing</source>
        <translation>Réponse ou modification en cours</translation>
    </message>
    <message>
        <source>Insert emoji</source>
        <translation>Insérer un émoji</translation>
    </message>
    <message>
        <source>Insert emoji (Ctrl+E)</source>
        <translation>Insérer un émoji (Ctrl+E)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>Annuler la réponse</translation>
    </message>
    <message>
        <source>%1 (Esc)</source>
        <translation>%1 (Échap)</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>un message</translation>
    </message>
    <message>
        <source>↩ Replying to %1</source>
        <translation>↩ Réponse à %1</translation>
    </message>
    <message>
        <source>↩ Replying to %1: %2</source>
        <translation>↩ Réponse à %1 : %2</translation>
    </message>
    <message>
        <source>✎ Editing your message (Enter saves, Esc cancels)</source>
        <translation>✎ Modification de votre message (Entrée enregistre, Échap annule)</translation>
    </message>
    <message>
        <source>Write a message… (%1)</source>
        <translation>Écrivez un message… (%1)</translation>
    </message>
    <message>
        <source>✎ Editing your message (Ctrl+Enter saves, Esc cancels)</source>
        <translation>✎ Modification de votre message (Ctrl+Entrée enregistre, Échap annule)</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter for a new line</source>
        <translation>Ctrl+Entrée envoie, Entrée pour une nouvelle ligne</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter for a new line</source>
        <translation>Entrée envoie, Maj+Entrée pour une nouvelle ligne</translation>
    </message>
    <message>
        <source>Not sent: this message has %1 characters, more than the %2 allowed. Shorten it to send it.</source>
        <translation>Non envoyé : ce message compte %1 caractères, plus que les %2 autorisés. Raccourcissez-le pour pouvoir l’envoyer.</translation>
    </message>
</context>
<context>
    <name>confab::ui::ComposerCompleter</name>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <comment>member suggestion: display name (@username)</comment>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>@%1 — ask the assistant</source>
        <translation>@%1 — demander à l’assistant</translation>
    </message>
</context>
<context>
    <name>confab::ui::ConnectionBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation>Se reconnecter maintenant</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>État de la connexion</translation>
    </message>
    <message numerus="yes">
        <source>Offline — retrying in %n s</source>
        <translation>
            <numerusform>Hors ligne — nouvel essai dans %n s</numerusform>
            <numerusform>Hors ligne — nouvel essai dans %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Hors ligne : %1</translation>
    </message>
    <message>
        <source>Transport: %1</source>
        <translation>Transport : %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::CreateRoomDialog</name>
    <message>
        <source>&amp;Create room</source>
        <translation>&amp;Créer le salon</translation>
    </message>
    <message>
        <source>Create a room</source>
        <translation>Créer un salon</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>e.g. design-reviews</source>
        <translation>p. ex. revues-de-design</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What the room is about (optional)</source>
        <translation>Le sujet du salon (facultatif)</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>Type de salon</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Annonces</translation>
    </message>
    <message>
        <source>About this room type</source>
        <translation>À propos de ce type de salon</translation>
    </message>
    <message>
        <source>People to add</source>
        <translation>Personnes à ajouter</translation>
    </message>
    <message>
        <source>Usernames, separated by commas</source>
        <translation>Noms d’utilisateur, séparés par des virgules</translation>
    </message>
    <message>
        <source>Members may add people</source>
        <translation>Les membres peuvent ajouter des personnes</translation>
    </message>
    <message>
        <source>Allow anonymous posts</source>
        <translation>Autoriser les messages anonymes</translation>
    </message>
    <message>
        <source>Slow mode in seconds</source>
        <translation>Mode lent en secondes</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Member limit</source>
        <translation>Nombre maximal de membres</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>Add &amp;people:</source>
        <translation>Ajouter des &amp;personnes :</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>S&amp;low mode:</source>
        <translation>Mode &amp;lent :</translation>
    </message>
    <message>
        <source>&amp;Member limit:</source>
        <translation>&amp;Membres au plus :</translation>
    </message>
    <message>
        <source>Listed for everyone on the server; anyone can join.</source>
        <translation>Visible par tous sur le serveur ; tout le monde peut le rejoindre.</translation>
    </message>
    <message>
        <source>Hidden; people come in only when a member adds them.</source>
        <translation>Caché ; on n’y entre que si un membre vous ajoute.</translation>
    </message>
    <message>
        <source>A small private group of 2 to 50 people; add at least one person.</source>
        <translation>Un petit groupe privé de 2 à 50 personnes ; ajoutez au moins une personne.</translation>
    </message>
    <message>
        <source>Listed and open to all, but only moderators and above can post.</source>
        <translation>Visible et ouvert à tous, mais seuls les modérateurs et au-dessus peuvent écrire.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Enter a name for the room.</source>
        <translation>Saisissez un nom pour le salon.</translation>
    </message>
    <message>
        <source>The description is too long: %1 characters, at most %2.</source>
        <translation>La description est trop longue : %1 caractères, %2 au plus.</translation>
    </message>
    <message>
        <source>A group needs at least one other person: enter their username.</source>
        <translation>Un groupe a besoin d’au moins une autre personne : saisissez son nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Creating the room…</source>
        <translation>Création du salon…</translation>
    </message>
</context>
<context>
    <name>confab::ui::DeleteAccountDialog</name>
    <message>
        <source>Delete your account</source>
        <translation>Supprimer votre compte</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This cannot be undone.&lt;/b&gt; Deleting your account %1 on %2:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Your messages stay in their place as “message deleted”, with their text and attachments erased, under the name “Deleted user”.&lt;/li&gt;&lt;li&gt;Your reactions are removed and you leave every room and conversation.&lt;/li&gt;&lt;li&gt;Rooms you own pass to their highest-ranking remaining member; a room with no one else in it stays empty.&lt;/li&gt;&lt;li&gt;You are signed out everywhere, and your username becomes free for anyone to take.&lt;/li&gt;&lt;li&gt;This computer forgets the account: its saved messages and the stored sign-in.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Cette action est irréversible.&lt;/b&gt; En supprimant votre compte %1 sur %2 :&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Vos messages restent à leur place sous la forme « message supprimé », sans leur texte ni leurs pièces jointes, sous le nom « Utilisateur supprimé ».&lt;/li&gt;&lt;li&gt;Vos réactions sont retirées et vous quittez tous les salons et conversations.&lt;/li&gt;&lt;li&gt;Les salons dont vous êtes propriétaire passent au membre restant du rang le plus élevé ; un salon où il ne reste personne reste vide.&lt;/li&gt;&lt;li&gt;Vous êtes déconnecté partout et votre nom d’utilisateur devient libre pour n’importe qui.&lt;/li&gt;&lt;li&gt;Cet ordinateur oublie le compte : ses messages enregistrés et la connexion mémorisée.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>What deleting your account does</source>
        <translation>Ce que fait la suppression de votre compte</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Votre mot de passe</translation>
    </message>
    <message>
        <source>Type your password to confirm that you want to delete your account.</source>
        <translation>Saisissez votre mot de passe pour confirmer que vous voulez supprimer votre compte.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Delete account</source>
        <translation>&amp;Supprimer le compte</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Deleting your account…</source>
        <translation>Suppression de votre compte…</translation>
    </message>
    <message>
        <source>That is not your password. Nothing was deleted.</source>
        <translation>Ce n’est pas votre mot de passe. Rien n’a été supprimé.</translation>
    </message>
    <message>
        <source>Your account was not deleted: %1</source>
        <translation>Votre compte n’a pas été supprimé : %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::DirectMessageDialog</name>
    <message>
        <source>&amp;Start conversation</source>
        <translation>&amp;Démarrer la conversation</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Message direct</translation>
    </message>
    <message>
        <source>Who do you want to talk to? Enter their username.</source>
        <translation>À qui voulez-vous parler ? Saisissez son nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Enter the username of the person to write to.</source>
        <translation>Saisissez le nom d’utilisateur de la personne à qui écrire.</translation>
    </message>
    <message>
        <source>Looking for %1…</source>
        <translation>Recherche de %1…</translation>
    </message>
</context>
<context>
    <name>confab::ui::EmojiPicker</name>
    <message>
        <source>Emoji picker</source>
        <translation>Sélecteur d’emoji</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>Smileys and emotion</source>
        <translation>Smileys et émotions</translation>
    </message>
    <message>
        <source>People and body</source>
        <translation>Personnes et corps</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>Animaux et nature</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>Nourriture et boissons</translation>
    </message>
    <message>
        <source>Travel and places</source>
        <translation>Voyages et lieux</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Symboles</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Drapeaux</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Rechercher un emoji</translation>
    </message>
    <message>
        <source>Search emoji by name or keyword</source>
        <translation>Rechercher un emoji par nom ou mot-clé</translation>
    </message>
    <message>
        <source>Emoji categories</source>
        <translation>Catégories d’emoji</translation>
    </message>
    <message>
        <source>Frequently used</source>
        <translation>Utilisés fréquemment</translation>
    </message>
    <message>
        <source>Emoji matching “%1”</source>
        <translation>Emoji correspondant à « %1 »</translation>
    </message>
</context>
<context>
    <name>confab::ui::ExportDialog</name>
    <message>
        <source>Export my data</source>
        <translation>Exporter mes données</translation>
    </message>
    <message>
        <source>Download everything this server holds about you: your profile, your rooms and roles, your messages, your reactions, where you stopped reading, and your uploaded files.</source>
        <translation>Téléchargez tout ce que ce serveur conserve à votre sujet : votre profil, vos salons et rôles, vos messages, vos réactions, où vous vous êtes arrêté de lire et les fichiers que vous avez envoyés.</translation>
    </message>
    <message>
        <source>&amp;Archive with my files (.zip)</source>
        <translation>&amp;Archive avec mes fichiers (.zip)</translation>
    </message>
    <message>
        <source>Archive with my files</source>
        <translation>Archive avec mes fichiers</translation>
    </message>
    <message>
        <source>&amp;Data only (.json)</source>
        <translation>&amp;Données seules (.json)</translation>
    </message>
    <message>
        <source>Data only</source>
        <translation>Données seules</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progression de l’export</translation>
    </message>
    <message>
        <source>Received so far</source>
        <translation>Reçu jusqu’ici</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was saved.</source>
        <translation>L’export a été annulé ; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Save your data as</source>
        <translation>Enregistrer vos données sous</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Archives zip (*.zip)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 reçus</translation>
    </message>
    <message>
        <source>Your data was saved to %1.</source>
        <translation>Vos données ont été enregistrées dans %1.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L’export a échoué : %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Exporting your data…</source>
        <translation>Export de vos données…</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Annuler l’export</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>confab::ui::ImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation>Visionneuse d’images</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Image name</source>
        <translation>Nom de l’image</translation>
    </message>
    <message>
        <source>Previous image (Left)</source>
        <translation>Image précédente (Gauche)</translation>
    </message>
    <message>
        <source>Next image (Right)</source>
        <translation>Image suivante (Droite)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom arrière (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom avant (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit to the window (0)</source>
        <translation>Ajuster à la fenêtre (0)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open in another program</source>
        <translation>Ouvrir dans un autre programme</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Save the image as a file</source>
        <translation>Enregistrer l’image dans un fichier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the viewer (Esc)</source>
        <translation>Fermer la visionneuse (Échap)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 sur %3)</translation>
    </message>
</context>
<context>
    <name>confab::ui::InviteDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add people to %1</source>
        <translation>Ajouter des personnes à %1</translation>
    </message>
    <message>
        <source>They become members of “%1” at once.</source>
        <translation>Ils deviennent aussitôt membres de « %1 ».</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Enter the username of the person to add.</source>
        <translation>Saisissez le nom d’utilisateur de la personne à ajouter.</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>Ajout de %1…</translation>
    </message>
    <message>
        <source>%1 (%2) was added. Add someone else, or close.</source>
        <translation>%1 (%2) a été ajouté. Ajoutez quelqu’un d’autre, ou fermez.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>confab::ui::KeychainPrompt</name>
    <message>
        <source>No keychain</source>
        <translation>Aucun trousseau</translation>
    </message>
    <message>
        <source>Keep the sign-in in %1, readable only by you? Anyone who can read your files as you could use it to act as you.</source>
        <translation>Garder la connexion dans %1, lisible par vous seul ? Quiconque peut lire vos fichiers sous votre compte pourrait s’en servir pour agir en votre nom.</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in</source>
        <translation>&amp;Rester connecté</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Rester connecté</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
</context>
<context>
    <name>confab::ui::LeaveRoomDialog</name>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Quitter le salon</translation>
    </message>
    <message>
        <source>Leave your conversation with %1?</source>
        <translation>Quitter votre conversation avec %1 ?</translation>
    </message>
    <message>
        <source>Leave “%1”?</source>
        <translation>Quitter « %1 » ?</translation>
    </message>
    <message>
        <source>You can join it again from Browse rooms.</source>
        <translation>Vous pourrez le rejoindre à nouveau depuis Parcourir les salons.</translation>
    </message>
    <message>
        <source>It is not listed: to come back, a member has to add you again.</source>
        <translation>Il n’est pas listé : pour revenir, un membre devra vous ajouter à nouveau.</translation>
    </message>
    <message>
        <source>The conversation disappears from your list.</source>
        <translation>La conversation disparaît de votre liste.</translation>
    </message>
    <message>
        <source>Leaving…</source>
        <translation>Départ…</translation>
    </message>
</context>
<context>
    <name>confab::ui::LengthCounter</name>
    <message>
        <source>Message length</source>
        <translation>Longueur du message</translation>
    </message>
    <message>
        <source>%1 / %2 characters: too long to send</source>
        <translation>%1 / %2 caractères : trop long pour être envoyé</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caractères</translation>
    </message>
</context>
<context>
    <name>confab::ui::MainWindow</name>
    <message>
        <source>Filter rooms</source>
        <translation>Filtrer les salons</translation>
    </message>
    <message>
        <source>Filter rooms (%1)</source>
        <translation>Filtrer les salons (%1)</translation>
    </message>
    <message>
        <source>New room or conversation</source>
        <translation>Nouveau salon ou conversation</translation>
    </message>
    <message>
        <source>New room, browse rooms, direct message</source>
        <translation>Nouveau salon, parcourir les salons, message direct</translation>
    </message>
    <message>
        <source>Rooms and direct messages</source>
        <translation>Salons et messages directs</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New room…</source>
        <translation>&amp;Nouveau salon…</translation>
    </message>
    <message>
        <source>&amp;Direct message…</source>
        <translation>Message &amp;direct…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>&amp;Parcourir les salons…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Paramè&amp;tres…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Se déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Salon</translation>
    </message>
    <message>
        <source>&amp;Add people…</source>
        <translation>&amp;Ajouter des personnes…</translation>
    </message>
    <message>
        <source>&amp;Leave room…</source>
        <translation>&amp;Quitter le salon…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Find a room…</source>
        <translation>&amp;Trouver un salon…</translation>
    </message>
    <message>
        <source>&amp;Previous room</source>
        <translation>Salon &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Next room</source>
        <translation>Salon &amp;suivant</translation>
    </message>
    <message>
        <source>Previous &amp;unread room</source>
        <translation>Salon non lu pré&amp;cédent</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Confab</source>
        <translation>À &amp;propos de Confab</translation>
    </message>
    <message>
        <source>About Confab</source>
        <translation>À propos de Confab</translation>
    </message>
    <message>
        <source>Confab %1
Self-hosted chat for teams.</source>
        <translation>Confab %1
Discussion auto-hébergée pour les équipes.</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>No rooms yet. Use + to create a room or find one.</source>
        <translation>Aucun salon pour l’instant. Utilisez + pour en créer un ou en trouver un.</translation>
    </message>
    <message>
        <source>No room matches “%1”.</source>
        <translation>Aucun salon ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Ne&amp;xt unread room</source>
        <translation>Salon non lu sui&amp;vant</translation>
    </message>
    <message>
        <source>Leave the room filter, back to the open room</source>
        <translation>Quitter le filtre des salons et revenir au salon ouvert</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty composer)</source>
        <translation>Modifier votre dernier message (quand la zone de saisie est vide)</translation>
    </message>
    <message>
        <source>Pick an emoji (in the composer)</source>
        <translation>Choisir un émoji (dans la zone de saisie)</translation>
    </message>
    <message>
        <source>Jump to the latest message (in the timeline)</source>
        <translation>Aller au dernier message (dans le fil)</translation>
    </message>
    <message>
        <source>Menu of a message or member</source>
        <translation>Menu d’un message ou d’un membre</translation>
    </message>
    <message>
        <source>&amp;Delete account…</source>
        <translation>Supprimer le &amp;compte…</translation>
    </message>
    <message>
        <source>&amp;Search this room…</source>
        <translation>&amp;Rechercher dans ce salon…</translation>
    </message>
    <message>
        <source>Search &amp;all rooms…</source>
        <translation>Rechercher dans t&amp;ous les salons…</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>Contraste &amp;élevé</translation>
    </message>
    <message>
        <source>&amp;Profile and password…</source>
        <translation>&amp;Profil et mot de passe…</translation>
    </message>
    <message>
        <source>E&amp;xport my data…</source>
        <translation>E&amp;xporter mes données…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>Show the folder with this program's log files</source>
        <translation>Affiche le dossier contenant les fichiers journaux de ce programme</translation>
    </message>
</context>
<context>
    <name>confab::ui::MemberDelegate</name>
    <message>
        <source>Owner — %1</source>
        <translation>Propriétaire — %1</translation>
    </message>
    <message>
        <source>Admins — %1</source>
        <translation>Administrateurs — %1</translation>
    </message>
    <message>
        <source>Moderators — %1</source>
        <translation>Modérateurs — %1</translation>
    </message>
    <message>
        <source>Members — %1</source>
        <translation>Membres — %1</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Mod</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Muted until %1</source>
        <translation>Muet jusqu’au %1</translation>
    </message>
    <message>
        <source>Muted until lifted</source>
        <translation>Muet jusqu’à levée</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Muet</translation>
    </message>
    <message>
        <source>Online — %1</source>
        <translation>En ligne — %1</translation>
    </message>
    <message>
        <source>Offline — %1</source>
        <translation>Hors ligne — %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::MemberMenu</name>
    <message>
        <source>For 5 minutes</source>
        <translation>Pendant 5 minutes</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Pendant 1 heure</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Pendant 1 jour</translation>
    </message>
    <message>
        <source>Until lifted</source>
        <translation>Jusqu’à levée</translation>
    </message>
    <message numerus="yes">
        <source>For %n second(s)</source>
        <translation>
            <numerusform>Pendant %n seconde</numerusform>
            <numerusform>Pendant %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Actions pour %1</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Nommer administrateur</translation>
    </message>
    <message>
        <source>Make moderator</source>
        <translation>Nommer modérateur</translation>
    </message>
    <message>
        <source>Demote to moderator</source>
        <translation>Rétrograder en modérateur</translation>
    </message>
    <message>
        <source>Demote to member</source>
        <translation>Rétrograder en membre</translation>
    </message>
    <message>
        <source>Hand over ownership…</source>
        <translation>Céder la propriété…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Rendre muet</translation>
    </message>
    <message>
        <source>Mute for how long</source>
        <translation>Durée du mode muet</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Rendre la parole</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>Exclure…</translation>
    </message>
    <message>
        <source>Ban…</source>
        <translation>Bannir…</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Voir le profil</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer un message</translation>
    </message>
</context>
<context>
    <name>confab::ui::MemberPanel</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Member count</source>
        <translation>Nombre de membres</translation>
    </message>
    <message>
        <source>Member list</source>
        <translation>Liste des membres</translation>
    </message>
    <message>
        <source>Press the Menu key or Shift+F10 for what you can do with a member.</source>
        <translation>Appuyez sur la touche Menu ou Maj+F10 pour voir ce que vous pouvez faire avec un membre.</translation>
    </message>
    <message>
        <source>Last moderation result</source>
        <translation>Dernier résultat de modération</translation>
    </message>
    <message>
        <source>Members · %1</source>
        <translation>Membres · %1</translation>
    </message>
    <message>
        <source>No one matches “%1”.</source>
        <translation>Personne ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Search members</source>
        <translation>Rechercher des membres</translation>
    </message>
    <message numerus="yes">
        <source>Members · %n found</source>
        <translation>
            <numerusform>Membres · %n trouvés</numerusform>
            <numerusform>Membres · %n trouvés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageAnnouncer</name>
    <message>
        <source>New message from %1: %2</source>
        <translation>Nouveau message de %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n others</source>
        <translation>
            <numerusform>%n autres</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1</source>
        <translation>
            <numerusform>%n nouveaux messages de %1</numerusform>
            <numerusform>%n nouveaux messages de %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Hier %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>un message</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>envoi…</translation>
    </message>
    <message>
        <source>Not sent. Double-click to retry.</source>
        <translation>Non envoyé. Double-cliquez pour réessayer.</translation>
    </message>
    <message>
        <source>Not sent: %1. Double-click to retry.</source>
        <translation>Non envoyé : %1. Double-cliquez pour réessayer.</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(modifié)</translation>
    </message>
    <message>
        <source>📌 pinned</source>
        <translation>📌 épinglé</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>uploading… %1 % (Ctrl+Shift+Backspace cancels)</source>
        <translation>envoi… %1 % (Ctrl+Maj+Retour arrière annule)</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>IA</translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageHoverBar</name>
    <message>
        <source>React</source>
        <translation>Réagir</translation>
    </message>
    <message>
        <source>React (Ctrl+Shift+E)</source>
        <translation>Réagir (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Reply (Ctrl+R)</source>
        <translation>Répondre (Ctrl+R)</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Plus d’actions</translation>
    </message>
    <message>
        <source>More actions (Shift+F10)</source>
        <translation>Plus d’actions (Maj+F10)</translation>
    </message>
    <message>
        <source>Message toolbar</source>
        <translation>Barre d’outils du message</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Stop the answer (Ctrl+Shift+X)</source>
        <translation>Arrêter la réponse (Ctrl+Maj+X)</translation>
    </message>
    <message>
        <source>Ask the assistant again</source>
        <translation>Redemander à l’assistant</translation>
    </message>
    <message>
        <source>Ask again (Ctrl+Shift+G)</source>
        <translation>Redemander (Ctrl+Maj+G)</translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageJump</name>
    <message>
        <source>That message could not be opened: %1</source>
        <translation>Impossible d’ouvrir ce message : %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ModerationController</name>
    <message>
        <source>Show &amp;Members</source>
        <translation>Afficher les &amp;membres</translation>
    </message>
    <message>
        <source>Room &amp;Settings…</source>
        <translation>&amp;Paramètres du salon…</translation>
    </message>
    <message>
        <source>M&amp;oderation…</source>
        <translation>M&amp;odération…</translation>
    </message>
    <message>
        <source>Members (Ctrl+Shift+M)</source>
        <translation>Membres (Ctrl+Maj+M)</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Paramètres du salon</translation>
    </message>
    <message>
        <source>Moderation: audit log, bans, muted members</source>
        <translation>Modération : journal d’audit, bannissements, membres muets</translation>
    </message>
    <message>
        <source>Room settings (read only)</source>
        <translation>Paramètres du salon (lecture seule)</translation>
    </message>
    <message>
        <source>a room</source>
        <translation>un salon</translation>
    </message>
    <message>
        <source>You were removed from %1</source>
        <translation>Vous avez été retiré de %1</translation>
    </message>
    <message>
        <source>You were banned from %1</source>
        <translation>Vous avez été banni de %1</translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation>%1 a été supprimé</translation>
    </message>
    <message>
        <source>The room and its messages are gone for everyone.</source>
        <translation>Le salon et ses messages ont disparu pour tout le monde.</translation>
    </message>
    <message>
        <source>You cannot send messages here now (see above).</source>
        <translation>Vous ne pouvez pas envoyer de messages ici pour le moment (voir ci-dessus).</translation>
    </message>
</context>
<context>
    <name>confab::ui::ModerationFlow</name>
    <message>
        <source>Hand over ownership</source>
        <translation>Céder la propriété</translation>
    </message>
    <message>
        <source>Make %1 the owner of %2?</source>
        <translation>Faire de %1 le propriétaire de %2 ?</translation>
    </message>
    <message>
        <source>You become an admin. Only the new owner can delete the room or hand it back.</source>
        <translation>Vous devenez administrateur. Seul le nouveau propriétaire peut supprimer le salon ou vous le rendre.</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Céder</translation>
    </message>
    <message>
        <source>Hand over ownership to %1</source>
        <translation>Céder la propriété à %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ModerationPanel</name>
    <message>
        <source>Moderation of %1</source>
        <translation>Modération de %1</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Modération</translation>
    </message>
    <message>
        <source>Moderation sections</source>
        <translation>Sections de modération</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>&amp;Journal d’audit</translation>
    </message>
    <message>
        <source>&amp;Bans</source>
        <translation>&amp;Bannissements</translation>
    </message>
    <message>
        <source>M&amp;uted</source>
        <translation>M&amp;uets</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Dernier résultat</translation>
    </message>
    <message>
        <source>The audit log is not open to you. %1</source>
        <translation>Le journal d’audit ne vous est pas accessible. %1</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Load &amp;older entries</source>
        <translation>Charger les entrées plus &amp;anciennes</translation>
    </message>
    <message>
        <source>Load older audit entries</source>
        <translation>Charger les entrées d’audit plus anciennes</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Refresh the audit log</source>
        <translation>Actualiser le journal d’audit</translation>
    </message>
    <message>
        <source>Nothing has been logged in this room yet.</source>
        <translation>Rien n’a encore été consigné dans ce salon.</translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation>Impossible de charger le journal d’audit : %1</translation>
    </message>
    <message>
        <source>The ban list is not open to you. %1</source>
        <translation>La liste des bannissements ne vous est pas accessible. %1</translation>
    </message>
    <message>
        <source>Bans</source>
        <translation>Bannissements</translation>
    </message>
    <message>
        <source>&amp;Unban</source>
        <translation>&amp;Lever le bannissement</translation>
    </message>
    <message>
        <source>Lift the selected ban</source>
        <translation>Lever le bannissement sélectionné</translation>
    </message>
    <message>
        <source>Nobody is banned from this room.</source>
        <translation>Personne n’est banni de ce salon.</translation>
    </message>
    <message>
        <source>Could not load the bans: %1</source>
        <translation>Impossible de charger les bannissements : %1</translation>
    </message>
    <message>
        <source>Muting is not open to you. %1</source>
        <translation>Le mode muet ne vous est pas accessible. %1</translation>
    </message>
    <message>
        <source>Muted members</source>
        <translation>Membres muets</translation>
    </message>
    <message>
        <source>U&amp;nmute</source>
        <translation>&amp;Rendre la parole</translation>
    </message>
    <message>
        <source>Unmute the selected member</source>
        <translation>Rendre la parole au membre sélectionné</translation>
    </message>
    <message>
        <source>Nobody is muted in this room.</source>
        <translation>Personne n’est muet dans ce salon.</translation>
    </message>
</context>
<context>
    <name>confab::ui::NewPollDialog</name>
    <message>
        <source>&amp;Add option</source>
        <translation>&amp;Ajouter une option</translation>
    </message>
    <message>
        <source>Allow &amp;several choices</source>
        <translation>Autoriser &amp;plusieurs choix</translation>
    </message>
    <message>
        <source>A&amp;nonymous votes (nobody sees who voted what)</source>
        <translation>Votes a&amp;nonymes (personne ne voit qui a voté quoi)</translation>
    </message>
    <message>
        <source>C&amp;lose automatically at</source>
        <translation>C&amp;lore automatiquement le</translation>
    </message>
    <message>
        <source>Create poll</source>
        <translation>Créer un sondage</translation>
    </message>
    <message>
        <source>What do you want to ask?</source>
        <translation>Que voulez-vous demander ?</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Ajouter une option</translation>
    </message>
    <message>
        <source>Closing time</source>
        <translation>Heure de clôture</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Question :</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options :</translation>
    </message>
    <message>
        <source>Create &amp;poll</source>
        <translation>Créer le &amp;sondage</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>Option %1</translation>
    </message>
    <message>
        <source>Remove option %1</source>
        <translation>Retirer l’option %1</translation>
    </message>
    <message>
        <source>Write a question.</source>
        <translation>Écrivez une question.</translation>
    </message>
    <message>
        <source>A poll needs 2 to 10 options.</source>
        <translation>Un sondage a besoin de 2 à 10 options.</translation>
    </message>
    <message>
        <source>The option "%1" is there twice.</source>
        <translation>L’option « %1 » figure deux fois.</translation>
    </message>
    <message>
        <source>The closing time must be in the future.</source>
        <translation>L’heure de clôture doit être dans le futur.</translation>
    </message>
</context>
<context>
    <name>confab::ui::NotificationButton</name>
    <message>
        <source>Notifications for this room</source>
        <translation>Notifications de ce salon</translation>
    </message>
    <message>
        <source>Notifications: %1</source>
        <translation>Notifications : %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::NotificationMenu</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <source>Notifications for this room</source>
        <translation>Notifications de ce salon</translation>
    </message>
    <message>
        <source>&amp;Default (direct messages and mentions)</source>
        <translation>Par &amp;défaut (messages directs et mentions)</translation>
    </message>
    <message>
        <source>&amp;All messages</source>
        <translation>&amp;Tous les messages</translation>
    </message>
    <message>
        <source>&amp;Mentions only</source>
        <translation>&amp;Mentions uniquement</translation>
    </message>
    <message>
        <source>N&amp;othing</source>
        <translation>&amp;Rien</translation>
    </message>
    <message>
        <source>M&amp;ute room</source>
        <translation>Mettre le salon en &amp;sourdine</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>En sourdine</translation>
    </message>
    <message>
        <source>Notify about all messages</source>
        <translation>Notifier tous les messages</translation>
    </message>
    <message>
        <source>Notify about mentions only</source>
        <translation>Notifier uniquement les mentions</translation>
    </message>
    <message>
        <source>No notifications</source>
        <translation>Aucune notification</translation>
    </message>
    <message>
        <source>Notify about direct messages and mentions</source>
        <translation>Notifier les messages directs et les mentions</translation>
    </message>
</context>
<context>
    <name>confab::ui::Notifier</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n nouveau message</numerusform>
            <numerusform>%n nouveaux messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::PeerStatusLabel</name>
    <message>
        <source>Status of the other person</source>
        <translation>Statut de l’autre personne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>confab::ui::PinsButton</name>
    <message>
        <source>Pinned messages</source>
        <translation>Messages épinglés</translation>
    </message>
    <message numerus="yes">
        <source>%n pinned message(s)</source>
        <translation>
            <numerusform>%n message épinglé</numerusform>
            <numerusform>%n messages épinglés</numerusform>
        </translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Ce message a été supprimé.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>confab::ui::PollVoteDialog</name>
    <message>
        <source>Poll results</source>
        <translation>Résultats du sondage</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Voter</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Vote</source>
        <translation>&amp;Voter</translation>
    </message>
    <message>
        <source>&amp;Retract my vote</source>
        <translation>&amp;Retirer mon vote</translation>
    </message>
    <message>
        <source>C&amp;lose poll</source>
        <translation>C&amp;lore le sondage</translation>
    </message>
</context>
<context>
    <name>confab::ui::PostingNotice</name>
    <message>
        <source>Why you cannot send</source>
        <translation>Pourquoi vous ne pouvez pas envoyer</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Muet</translation>
    </message>
    <message>
        <source>Slow mode</source>
        <translation>Mode lent</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Lecture seule</translation>
    </message>
</context>
<context>
    <name>confab::ui::ProfileCard</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Profile of %1</source>
        <translation>Profil de %1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rôle : %1</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>Send %1 a direct message</source>
        <translation>Envoyer un message direct à %1</translation>
    </message>
    <message>
        <source>M&amp;oderate</source>
        <translation>M&amp;odérer</translation>
    </message>
    <message>
        <source>Moderation actions for %1</source>
        <translation>Actions de modération pour %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ProfileDialog</name>
    <message>
        <source>Your profile</source>
        <translation>Votre profil</translation>
    </message>
    <message>
        <source>Name and picture</source>
        <translation>Nom et image</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nom affiché :</translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation>Votre image</translation>
    </message>
    <message>
        <source>&amp;Choose picture…</source>
        <translation>&amp;Choisir une image…</translation>
    </message>
    <message>
        <source>Choose picture</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <source>&amp;Remove picture</source>
        <translation>&amp;Retirer l’image</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Retirer l’image</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>&amp;Enregistrer le profil</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Mot de passe a&amp;ctuel :</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>N&amp;ew password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Re&amp;peat new password:</source>
        <translation>&amp;Répétez le nouveau mot de passe :</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Répétez le nouveau mot de passe</translation>
    </message>
    <message>
        <source>Changing your password signs out every other device.</source>
        <translation>Changer votre mot de passe déconnecte tous vos autres appareils.</translation>
    </message>
    <message>
        <source>Change &amp;password</source>
        <translation>Changer le &amp;mot de passe</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The picture goes when you save the profile.</source>
        <translation>L’image sera retirée quand vous enregistrerez le profil.</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Choisissez une image</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>This picture is too large to open.</source>
        <translation>Cette image est trop grande pour être ouverte.</translation>
    </message>
    <message>
        <source>This file is not a picture this program can read.</source>
        <translation>Ce fichier n’est pas une image que ce programme sait lire.</translation>
    </message>
    <message>
        <source>Move the square to the part you want, then save the profile.</source>
        <translation>Placez le carré sur la partie voulue, puis enregistrez le profil.</translation>
    </message>
    <message>
        <source>Your display name cannot be empty.</source>
        <translation>Votre nom affiché ne peut pas être vide.</translation>
    </message>
    <message>
        <source>Uploading your picture…</source>
        <translation>Envoi de votre image…</translation>
    </message>
    <message>
        <source>The picture could not be prepared for upload.</source>
        <translation>L’image n’a pas pu être préparée pour l’envoi.</translation>
    </message>
    <message>
        <source>Your picture was not uploaded: %1</source>
        <translation>Votre image n’a pas été envoyée : %1</translation>
    </message>
    <message>
        <source>Saving your profile…</source>
        <translation>Enregistrement de votre profil…</translation>
    </message>
    <message>
        <source>Your profile was not saved: %1</source>
        <translation>Votre profil n’a pas été enregistré : %1</translation>
    </message>
    <message>
        <source>Your profile was saved. Everyone in your rooms sees it now.</source>
        <translation>Votre profil a été enregistré. Tout le monde dans vos salons le voit désormais.</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>Saisissez votre mot de passe actuel.</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters.</source>
        <translation>Le nouveau mot de passe doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Les deux nouveaux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>Changing your password…</source>
        <translation>Changement de votre mot de passe…</translation>
    </message>
    <message>
        <source>The current password is wrong. Nothing was changed.</source>
        <translation>Le mot de passe actuel est incorrect. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Your password was not changed: %1</source>
        <translation>Votre mot de passe n’a pas été modifié : %1</translation>
    </message>
    <message>
        <source>Your password was changed. Your other devices were signed out.</source>
        <translation>Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.</translation>
    </message>
</context>
<context>
    <name>confab::ui::ReactionSummary</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Someone reacted with %1</source>
        <translation>Quelqu’un a réagi avec %1</translation>
    </message>
    <message>
        <source>%1 people reacted with %2</source>
        <translation>%1 personnes ont réagi avec %2</translation>
    </message>
    <message>
        <source>You reacted with %1</source>
        <translation>Vous avez réagi avec %1</translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 a réagi avec %2</translation>
    </message>
    <message>
        <source>%1 and %2 reacted with %3</source>
        <translation>%1 et %2 ont réagi avec %3</translation>
    </message>
    <message>
        <source>%1 and one other reacted with %2</source>
        <translation>%1 et une autre personne ont réagi avec %2</translation>
    </message>
    <message>
        <source>%1 and %2 others reacted with %3</source>
        <translation>%1 et %2 autres personnes ont réagi avec %3</translation>
    </message>
</context>
<context>
    <name>confab::ui::ReadReceiptsSetting</name>
    <message>
        <source>Send &amp;read receipts (when off, you see nobody's either)</source>
        <translation>Envoyer les accusés de &amp;lecture (désactivés, vous ne verrez pas non plus ceux des autres)</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Envoyer les accusés de lecture</translation>
    </message>
    <message>
        <source>The server could not be asked: %1</source>
        <translation>Impossible d’interroger le serveur : %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::RemovalDialog</name>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <source>Permanently</source>
        <translation>Définitivement</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>Bannir %1</translation>
    </message>
    <message>
        <source>Kick %1</source>
        <translation>Exclure %1</translation>
    </message>
    <message>
        <source>Ban %1 from %2? They are removed at once and cannot join again until the ban ends or is lifted.</source>
        <translation>Bannir %1 de %2 ? Cette personne est retirée immédiatement et ne pourra plus rejoindre le salon avant la fin ou la levée du bannissement.</translation>
    </message>
    <message>
        <source>Remove %1 from %2? They can join again later.</source>
        <translation>Retirer %1 de %2 ? Cette personne pourra revenir plus tard.</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Ce qui va se passer</translation>
    </message>
    <message>
        <source>Optional; %1 sees it</source>
        <translation>Facultatif ; %1 le verra</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>Ban length</source>
        <translation>Durée du bannissement</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Bannir</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>Exclure</translation>
    </message>
</context>
<context>
    <name>confab::ui::RemovalNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>You are no longer in a room</source>
        <translation>Vous n’êtes plus dans un salon</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Fermer cet avis</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomDelegate</name>
    <message>
        <source>private</source>
        <translation>privé</translation>
    </message>
    <message>
        <source>announcements</source>
        <translation>annonces</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>Pas encore de messages</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomFiles</name>
    <message>
        <source>&amp;Attach files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>&amp;Ouvrir le fichier</translation>
    </message>
    <message>
        <source>&amp;Save file as…</source>
        <translation>&amp;Enregistrer le fichier sous…</translation>
    </message>
    <message>
        <source>&amp;Cancel upload</source>
        <translation>&amp;Annuler l’envoi</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+U)</source>
        <translation>Joindre des fichiers (Ctrl+U)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>Screenshot %1.png</source>
        <translation>Capture %1.png</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>L’image collée n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>&amp;View %1</source>
        <translation>&amp;Voir %1</translation>
    </message>
    <message>
        <source>&amp;Open %1</source>
        <translation>&amp;Ouvrir %1</translation>
    </message>
    <message>
        <source>&amp;Save %1 as…</source>
        <translation>&amp;Enregistrer %1 sous…</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>Enregistrer %1 sous…</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomPolls</name>
    <message>
        <source>Create &amp;poll…</source>
        <translation>Créer un &amp;sondage…</translation>
    </message>
    <message>
        <source>Create poll</source>
        <translation>Créer un sondage</translation>
    </message>
    <message>
        <source>Create poll (Ctrl+Shift+L)</source>
        <translation>Créer un sondage (Ctrl+Maj+L)</translation>
    </message>
    <message>
        <source>Poll res&amp;ults…</source>
        <translation>Rés&amp;ultats du sondage…</translation>
    </message>
    <message>
        <source>&amp;Vote…</source>
        <translation>&amp;Voter…</translation>
    </message>
    <message>
        <source>C&amp;lose poll</source>
        <translation>C&amp;lore le sondage</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomSectionModel</name>
    <message>
        <source>Direct messages</source>
        <translation>Messages directs</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lu</numerusform>
            <numerusform>%n non lus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>en sourdine</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomSettingsDialog</name>
    <message>
        <source>Public: listed, anyone can join</source>
        <translation>Public : listé, tout le monde peut rejoindre</translation>
    </message>
    <message>
        <source>Private: hidden, members add people</source>
        <translation>Privé : masqué, les membres ajoutent des personnes</translation>
    </message>
    <message>
        <source>Group: private, for a few people</source>
        <translation>Groupe : privé, pour quelques personnes</translation>
    </message>
    <message>
        <source>Direct conversation</source>
        <translation>Conversation directe</translation>
    </message>
    <message>
        <source>Announcement: listed, anyone can join, only %1 and higher post</source>
        <translation>Annonces : listé, tout le monde peut rejoindre, seuls %1 et au-dessus publient</translation>
    </message>
    <message>
        <source>Danger zone</source>
        <translation>Zone de danger</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Paramètres de %1</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Paramètres du salon</translation>
    </message>
    <message>
        <source>Why these settings are read-only</source>
        <translation>Pourquoi ces paramètres sont en lecture seule</translation>
    </message>
    <message>
        <source>You can look at these settings but not change them. %1</source>
        <translation>Vous pouvez consulter ces paramètres, mais pas les modifier. %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>Room description</source>
        <translation>Description du salon</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>Type de salon</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Slow mode, seconds between one member's messages</source>
        <translation>Mode lent, secondes entre deux messages d’un membre</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Members below moderator wait this long between their messages.</source>
        <translation>Les membres en dessous de modérateur attendent ce délai entre leurs messages.</translation>
    </message>
    <message>
        <source>The most members the room takes. It cannot go below the current member count.</source>
        <translation>Le nombre maximal de membres du salon. Il ne peut pas être inférieur au nombre actuel de membres.</translation>
    </message>
    <message>
        <source>Members may add people (otherwise moderators and up)</source>
        <translation>Les membres peuvent ajouter des personnes (sinon, modérateurs et au-dessus)</translation>
    </message>
    <message>
        <source>Members may add people</source>
        <translation>Les membres peuvent ajouter des personnes</translation>
    </message>
    <message>
        <source>Allow anonymous posts</source>
        <translation>Autoriser les messages anonymes</translation>
    </message>
    <message>
        <source>Posting and members</source>
        <translation>Publication et membres</translation>
    </message>
    <message>
        <source>&amp;Slow mode:</source>
        <translation>Mode &amp;lent :</translation>
    </message>
    <message>
        <source>Blocked words, one per line</source>
        <translation>Mots bloqués, un par ligne</translation>
    </message>
    <message>
        <source>One word per line</source>
        <translation>Un mot par ligne</translation>
    </message>
    <message>
        <source>What happens to a message with a blocked word</source>
        <translation>Ce qui arrive à un message contenant un mot bloqué</translation>
    </message>
    <message>
        <source>Refuse the message</source>
        <translation>Refuser le message</translation>
    </message>
    <message>
        <source>Replace the words with *</source>
        <translation>Remplacer les mots par *</translation>
    </message>
    <message>
        <source>Word filter</source>
        <translation>Filtre de mots</translation>
    </message>
    <message>
        <source>&amp;Blocked words:</source>
        <translation>Mots &amp;bloqués :</translation>
    </message>
    <message>
        <source>&amp;When one is used:</source>
        <translation>&amp;Quand l’un d’eux est utilisé :</translation>
    </message>
    <message>
        <source>Words match whole and in any case. The server's own list applies too.</source>
        <translation>Les mots correspondent en entier, sans tenir compte de la casse. La liste du serveur s’applique aussi.</translation>
    </message>
    <message>
        <source>Delete this room…</source>
        <translation>Supprimer ce salon…</translation>
    </message>
    <message>
        <source>Delete this room</source>
        <translation>Supprimer ce salon</translation>
    </message>
    <message>
        <source>Deletes the room and all its messages for everyone. This cannot be undone.</source>
        <translation>Supprime le salon et tous ses messages pour tout le monde. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Save the room settings</source>
        <translation>Enregistrer les paramètres du salon</translation>
    </message>
    <message>
        <source>The room needs a name.</source>
        <translation>Le salon doit avoir un nom.</translation>
    </message>
    <message>
        <source>The description is %1 characters long; at most %2 fit.</source>
        <translation>La description fait %1 caractères ; %2 au maximum.</translation>
    </message>
    <message>
        <source>The word filter has %1 words; at most %2 fit.</source>
        <translation>Le filtre de mots contient %1 mots ; %2 au maximum.</translation>
    </message>
    <message>
        <source>The blocked word “%1…” is longer than %2 characters.</source>
        <translation>Le mot bloqué « %1… » dépasse %2 caractères.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Delete %1 and all its messages for everyone?</source>
        <translation>Supprimer %1 et tous ses messages pour tout le monde ?</translation>
    </message>
    <message>
        <source>Every member loses the room at once. This cannot be undone.</source>
        <translation>Chaque membre perd immédiatement le salon. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete room</source>
        <translation>Supprimer le salon</translation>
    </message>
    <message>
        <source>Delete the room for everyone</source>
        <translation>Supprimer le salon pour tout le monde</translation>
    </message>
    <message>
        <source>No blocked words</source>
        <translation>Aucun mot bloqué</translation>
    </message>
    <message>
        <source>Chosen when the room was created; it cannot change.</source>
        <translation>Choisi à la création du salon ; ne peut pas être modifié.</translation>
    </message>
    <message>
        <source>Member limit</source>
        <translation>Limite de membres</translation>
    </message>
    <message>
        <source>Member &amp;limit:</source>
        <translation>Limite de &amp;membres :</translation>
    </message>
    <message>
        <source>Allow the assistant (@ai answers here)</source>
        <translation>Autoriser l’assistant (@ai répond ici)</translation>
    </message>
    <message>
        <source>Allow the assistant</source>
        <translation>Autoriser l’assistant</translation>
    </message>
    <message>
        <source>Messages starting with @ai or @assistant get an answer from the assistant, which reads the room's recent messages.</source>
        <translation>Les messages qui commencent par @ai ou @assistant reçoivent une réponse de l’assistant, qui lit les messages récents du salon.</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomView</name>
    <message>
        <source>Room name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>Room description</source>
        <translation>Description du salon</translation>
    </message>
    <message>
        <source>Who is typing</source>
        <translation>Qui est en train d’écrire</translation>
    </message>
    <message>
        <source>That pinned message is not loaded. Scroll up to find it.</source>
        <translation>Ce message épinglé n’est pas chargé. Faites défiler vers le haut pour le trouver.</translation>
    </message>
    <message>
        <source>No room open</source>
        <translation>Aucun salon ouvert</translation>
    </message>
    <message>
        <source>Message %1 (%2)</source>
        <translation>Message à %1 (%2)</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Aucun message pour l’instant. Dites bonjour !</translation>
    </message>
</context>
<context>
    <name>confab::ui::SearchDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Rechercher des messages</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Words, from:user, in:room, before:/after:YYYY-MM-DD, has:file</source>
        <translation>Mots, from:utilisateur, in:salon, before:/after:AAAA-MM-JJ, has:file</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>Où chercher</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>Tous les salons</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>Dans %1</translation>
    </message>
    <message>
        <source>Sort results</source>
        <translation>Trier les résultats</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récents d’abord</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Meilleure correspondance</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Aucun message trouvé.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found. Up and Down choose, Enter opens.</source>
        <translation>
            <numerusform>%n message(s) trouvé(s). Haut et Bas pour choisir, Entrée pour ouvrir.</numerusform>
            <numerusform>%n message(s) trouvé(s). Haut et Bas pour choisir, Entrée pour ouvrir.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::SearchResultDelegate</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>confab::ui::SeenBy</name>
    <message>
        <source>Seen by %1 and %2 others</source>
        <translation>Vu par %1 et %2 autres personnes</translation>
    </message>
    <message>
        <source>Seen by %1</source>
        <translation>Vu par %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::SettingsDialog</name>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Se déconnecter</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Notify me of mentions and direct messages</source>
        <translation>M’avertir des mentions et des messages directs</translation>
    </message>
    <message>
        <source>Minutes without input before I am shown away</source>
        <translation>Minutes d’inactivité avant d’apparaître absent</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Connecté en tant que</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Appearance and behaviour</source>
        <translation>Apparence et comportement</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Show me as &amp;away after:</source>
        <translation>M’afficher &amp;absent après :</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Connecté en tant que :</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Send with Ctrl+&amp;Enter (Enter starts a new line)</source>
        <translation>Envoyer avec Ctrl+&amp;Entrée (Entrée commence une nouvelle ligne)</translation>
    </message>
    <message>
        <source>Send with Ctrl+Enter</source>
        <translation>Envoyer avec Ctrl+Entrée</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Redémarrer maintenant</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language shows after Confab restarts.</source>
        <translation>La nouvelle langue s’affichera au redémarrage de Confab.</translation>
    </message>
    <message>
        <source>Restart Confab now</source>
        <translation>Redémarrer Confab maintenant</translation>
    </message>
    <message>
        <source>Announce new &amp;messages to screen readers</source>
        <translation>Annoncer les nouveaux &amp;messages aux lecteurs d’écran</translation>
    </message>
    <message>
        <source>Announce new messages to screen readers</source>
        <translation>Annoncer les nouveaux messages aux lecteurs d’écran</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>La&amp;ngue :</translation>
    </message>
</context>
<context>
    <name>confab::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>confab::ui::SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>Créer un c&amp;ompte</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
        <source>Sign in to Confab</source>
        <translation>Connexion à Confab</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Only for a new account</source>
        <translation>Seulement pour un nouveau compte</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rveur :</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nom affiché :</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Démarrage de la démo…</translation>
    </message>
    <message>
        <source>Enter the address of your Confab server.</source>
        <translation>Saisissez l’adresse de votre serveur Confab.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Saisissez votre nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>Création de votre compte…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>No secure connection to %1 (https). If the server does not use TLS, did you mean %2?</source>
        <translation>Aucune connexion sécurisée à %1 (https). Si le serveur n’utilise pas TLS, vouliez-vous dire %2 ?</translation>
    </message>
</context>
<context>
    <name>confab::ui::SignOutConfirmation</name>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Sign out of Confab? You will need your password to sign in again.</source>
        <translation>Se déconnecter de Confab ? Il vous faudra votre mot de passe pour vous reconnecter.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
</context>
<context>
    <name>confab::ui::StatusMessageDialog</name>
    <message>
        <source>Status message</source>
        <translation>Message de statut</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Sans emoji</translation>
    </message>
    <message>
        <source>Status emoji</source>
        <translation>Emoji de statut</translation>
    </message>
    <message>
        <source>What are you up to?</source>
        <translation>Que faites-vous en ce moment ?</translation>
    </message>
    <message>
        <source>&amp;Emoji:</source>
        <translation>&amp;Emoji :</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Message :</translation>
    </message>
    <message numerus="yes">
        <source>Up to %n character(s).</source>
        <translation>
            <numerusform>Jusqu’à %n caractère(s).</numerusform>
            <numerusform>Jusqu’à %n caractère(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::SystemLine</name>
    <message>
        <source>%1 and %2 others joined</source>
        <translation>%1 et %2 autres personnes ont rejoint le salon</translation>
    </message>
    <message>
        <source>%1 have joined</source>
        <translation>%1 ont rejoint le salon</translation>
    </message>
    <message>
        <source>%1 and %2 others left</source>
        <translation>%1 et %2 autres personnes ont quitté le salon</translation>
    </message>
    <message>
        <source>%1 have left</source>
        <translation>%1 ont quitté le salon</translation>
    </message>
    <message>
        <source>%1 room events</source>
        <translation>%1 événements du salon</translation>
    </message>
</context>
<context>
    <name>confab::ui::TimelineView</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2 : %3</translation>
    </message>
    <message>
        <source>%1 (in reply to %2)</source>
        <translation>%1 (en réponse à %2)</translation>
    </message>
    <message>
        <source> Reactions: %1.</source>
        <translation> Réactions : %1.</translation>
    </message>
    <message>
        <source>New messages. %1</source>
        <translation>Nouveaux messages. %1</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>More reactions…</source>
        <translation>Plus de réactions…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copier le texte</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>É&amp;pingler</translation>
    </message>
    <message>
        <source>&amp;Mark read up to here</source>
        <translation>Marquer comme &amp;lu jusqu’ici</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Aller au plus récent</translation>
    </message>
    <message>
        <source>Jump to the latest message (End)</source>
        <translation>Aller au message le plus récent (Fin)</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n nouveau message ↓</numerusform>
            <numerusform>%n nouveaux messages ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>Aller au plus récent ↓</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>&amp;Désépingler</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Actions sur le message</translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Ré&amp;agir</translation>
    </message>
    <message>
        <source>Open link %1</source>
        <translation>Ouvrir le lien %1</translation>
    </message>
    <message>
        <source>The message this replies to is not loaded. Scroll up to find it.</source>
        <translation>Le message auquel celui-ci répond n’est pas chargé. Faites défiler vers le haut pour le trouver.</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>Delete this message? Everyone in the room will see that it was deleted.</source>
        <translation>Supprimer ce message ? Tout le monde dans le salon verra qu’il a été supprimé.</translation>
    </message>
    <message>
        <source>Delete %1's message for everyone?</source>
        <translation>Supprimer le message de %1 pour tout le monde ?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Not opened: %1. Only web and mail links open from messages.</source>
        <translation>Non ouvert : %1. Seuls les liens web et e-mail s’ouvrent depuis les messages.</translation>
    </message>
    <message>
        <source>Could not open %1: no application handles it.</source>
        <translation>Impossible d’ouvrir %1 : aucune application ne le prend en charge.</translation>
    </message>
    <message>
        <source>Re&amp;try sending</source>
        <translation>Réessa&amp;yer l’envoi</translation>
    </message>
    <message>
        <source>Edit in the c&amp;omposer</source>
        <translation>Modifier dans la &amp;zone de saisie</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>A&amp;bandonner</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>&amp;Stop the answer</source>
        <translation>&amp;Arrêter la réponse</translation>
    </message>
    <message>
        <source>Ask the assistant a&amp;gain</source>
        <translation>Redemander à l’assis&amp;tant</translation>
    </message>
</context>
<context>
    <name>confab::ui::TrayIcon</name>
    <message>
        <source>Confab tray menu</source>
        <translation>Menu de Confab dans la zone de notification</translation>
    </message>
    <message>
        <source>&amp;Show Confab</source>
        <translation>&amp;Afficher Confab</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message numerus="yes">
        <source>Confab — %n unread message(s)</source>
        <translation>
            <numerusform>Confab — %n message non lu</numerusform>
            <numerusform>Confab — %n messages non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Confab</source>
        <translation>Confab</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
</context>
<context>
    <name>confab::ui::UsernameForm</name>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ex. alice</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
</context>
<context>
    <name>confab::ui::WindowTitle</name>
    <message>
        <source>Confab</source>
        <translation>Confab</translation>
    </message>
    <message>
        <source>%1 — Confab</source>
        <translation>%1 — Confab</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The demo could not start: %1</source>
        <translation>La démo n’a pas pu démarrer : %1</translation>
    </message>
</context>
</TS>