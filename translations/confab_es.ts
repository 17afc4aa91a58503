<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>MessagePreview</name>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 se unió</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 añadió a %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 se fue</translation>
    </message>
    <message>
        <source>%1 removed %2 from the room</source>
        <translation>%1 expulsó a %2 de la sala</translation>
    </message>
    <message>
        <source>%1 banned %2 from the room</source>
        <translation>%1 vetó a %2 en la sala</translation>
    </message>
    <message>
        <source>%1 renamed the room to “%2”</source>
        <translation>%1 cambió el nombre de la sala a «%2»</translation>
    </message>
    <message>
        <source>%1 changed the topic</source>
        <translation>%1 cambió el tema</translation>
    </message>
    <message>
        <source>%1 changed the room picture</source>
        <translation>%1 cambió la imagen de la sala</translation>
    </message>
    <message>
        <source>%1 changed the room settings</source>
        <translation>%1 cambió los ajustes de la sala</translation>
    </message>
    <message>
        <source>%1 pinned a message</source>
        <translation>%1 fijó un mensaje</translation>
    </message>
    <message>
        <source>%1 pinned a message by %2: “%3”</source>
        <translation>%1 fijó un mensaje de %2: «%3»</translation>
    </message>
    <message>
        <source>%1 made %2 the owner of the room</source>
        <translation>%1 hizo a %2 propietario de la sala</translation>
    </message>
    <message>
        <source>%1 turned on the assistant</source>
        <translation>%1 activó el asistente</translation>
    </message>
    <message>
        <source>Deleted message</source>
        <translation>Mensaje eliminado</translation>
    </message>
    <message>
        <source>Poll: %1</source>
        <translation>Encuesta: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo: %1</source>
        <translation>Foto: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Archivo: %1</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Respondiendo…</translation>
    </message>
</context>
<context>
    <name>PollCard</name>
    <message>
        <source>Enter to vote</source>
        <translation>Intro para votar</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Varias respuestas</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Una sola respuesta</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anónima</translation>
    </message>
    <message>
        <source>closes %1</source>
        <translation>cierra el %1</translation>
    </message>
    <message>
        <source>1 vote</source>
        <translation>1 voto</translation>
    </message>
    <message>
        <source>%1 votes</source>
        <translation>%1 votos</translation>
    </message>
    <message>
        <source>1 voter</source>
        <translation>1 participante</translation>
    </message>
    <message>
        <source>%1 voters</source>
        <translation>%1 participantes</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Poll: %1 %2.</source>
        <translation>Encuesta: %1 %2.</translation>
    </message>
    <message>
        <source>You voted %1.</source>
        <translation>Votaste %1.</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>Cerrada.</translation>
    </message>
</context>
<context>
    <name>confab::client::ApiClient</name>
    <message>
        <source>The server answered with status %1.</source>
        <translation>El servidor respondió con el estado %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>No se puede conectar con el servidor: %1</translation>
    </message>
    <message>
        <source>The server's answer could not be read.</source>
        <translation>No se pudo leer la respuesta del servidor.</translation>
    </message>
</context>
<context>
    <name>confab::client::AuditLogModel</name>
    <message>
        <source>Added</source>
        <translation>Añadió a</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Expulsó permanentemente a</translation>
    </message>
    <message>
        <source>Lifted the ban on</source>
        <translation>Levantó la expulsión de</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenció a</translation>
    </message>
    <message>
        <source>Unmuted</source>
        <translation>Quitó el silencio a</translation>
    </message>
    <message>
        <source>Made member</source>
        <translation>Hizo miembro a</translation>
    </message>
    <message>
        <source>Made moderator</source>
        <translation>Hizo moderador a</translation>
    </message>
    <message>
        <source>Made admin</source>
        <translation>Hizo administrador a</translation>
    </message>
    <message>
        <source>Changed the room settings</source>
        <translation>Cambió la configuración de la sala</translation>
    </message>
    <message>
        <source>Deleted the room</source>
        <translation>Eliminó la sala</translation>
    </message>
    <message>
        <source>Handed ownership to</source>
        <translation>Cedió la propiedad a</translation>
    </message>
    <message>
        <source>Deleted a message of</source>
        <translation>Eliminó un mensaje de</translation>
    </message>
    <message>
        <source>Pinned a message</source>
        <translation>Fijó un mensaje</translation>
    </message>
    <message>
        <source>Unpinned a message</source>
        <translation>Desfijó un mensaje</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4. %5</source>
        <translation>%1: %2 %3 %4. %5</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>A quién</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Kicked</source>
        <translation>Echó a</translation>
    </message>
</context>
<context>
    <name>confab::client::BanListModel</name>
    <message>
        <source>(no reason given)</source>
        <translation>(sin motivo)</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>Permanente</translation>
    </message>
    <message>
        <source>%1, banned by %2, %3. Reason: %4</source>
        <translation>%1, expulsado por %2, %3. Motivo: %4</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <source>permanently</source>
        <translation>permanentemente</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Banned by</source>
        <translation>Expulsado por</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
</context>
<context>
    <name>confab::client::ChatEngine</name>
    <message>
        <source>Cannot open the local cache %1: %2</source>
        <translation>No se puede abrir la caché local %1: %2</translation>
    </message>
    <message>
        <source>The message was not edited: %1</source>
        <translation>El mensaje no se editó: %1</translation>
    </message>
    <message>
        <source>The message was not deleted: %1</source>
        <translation>El mensaje no se eliminó: %1</translation>
    </message>
    <message>
        <source>Your reaction %1 was not added: %2</source>
        <translation>Tu reacción %1 no se añadió: %2</translation>
    </message>
    <message>
        <source>Your reaction %1 was not removed: %2</source>
        <translation>Tu reacción %1 no se quitó: %2</translation>
    </message>
    <message>
        <source>The message was not pinned: %1</source>
        <translation>El mensaje no se fijó: %1</translation>
    </message>
    <message>
        <source>The message was not unpinned: %1</source>
        <translation>El mensaje no se desfijó: %1</translation>
    </message>
    <message>
        <source>Could not mark the messages as read: %1</source>
        <translation>No se pudieron marcar los mensajes como leídos: %1</translation>
    </message>
    <message>
        <source>The poll was not created: %1</source>
        <translation>No se creó la encuesta: %1</translation>
    </message>
    <message>
        <source>Your vote was not counted: %1</source>
        <translation>Tu voto no se contó: %1</translation>
    </message>
    <message>
        <source>The poll was not closed: %1</source>
        <translation>No se cerró la encuesta: %1</translation>
    </message>
    <message>
        <source>The answer was not stopped: %1</source>
        <translation>La respuesta no se detuvo: %1</translation>
    </message>
    <message>
        <source>The assistant was not asked again: %1</source>
        <translation>No se pudo volver a preguntar al asistente: %1</translation>
    </message>
</context>
<context>
    <name>confab::client::DataExport</name>
    <message>
        <source>The server answered %1.</source>
        <translation>El servidor respondió %1.</translation>
    </message>
</context>
<context>
    <name>confab::client::ErrorText</name>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>La contraseña necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>A display name needs 1 to %1 characters.</source>
        <translation>El nombre visible necesita de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <source>A room name needs 1 to %1 characters.</source>
        <translation>El nombre de la sala necesita de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <source>A description has at most %1 characters.</source>
        <translation>La descripción tiene como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>The server does not accept this message (empty, too long, or a word this room does not allow).</source>
        <translation>El servidor no acepta este mensaje (vacío, demasiado largo o con una palabra que esta sala no permite).</translation>
    </message>
    <message>
        <source>A reason has at most %1 characters.</source>
        <translation>El motivo tiene como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>The server does not accept this value.</source>
        <translation>El servidor no acepta este valor.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>El servidor rechazó la solicitud.</translation>
    </message>
    <message>
        <source>You are not signed in any more. Sign in again.</source>
        <translation>Ya no has iniciado sesión. Vuelve a iniciarla.</translation>
    </message>
    <message>
        <source>You are not allowed to do that here.</source>
        <translation>No tienes permiso para hacer eso aquí.</translation>
    </message>
    <message>
        <source>The server does not have that.</source>
        <translation>El servidor no tiene eso.</translation>
    </message>
    <message>
        <source>That room does not exist, or you are not in it.</source>
        <translation>Esa sala no existe o no estás en ella.</translation>
    </message>
    <message>
        <source>That message does not exist any more.</source>
        <translation>Ese mensaje ya no existe.</translation>
    </message>
    <message>
        <source>There is no such person here.</source>
        <translation>Aquí no hay nadie así.</translation>
    </message>
    <message>
        <source>That username is taken.</source>
        <translation>Ese nombre de usuario ya está en uso.</translation>
    </message>
    <message>
        <source>That cannot be done now: it is already done, or a limit is reached.</source>
        <translation>No se puede hacer ahora: ya está hecho o se ha alcanzado un límite.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in a moment.</source>
        <translation>Demasiados intentos. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>That is too large for the server.</source>
        <translation>Es demasiado grande para el servidor.</translation>
    </message>
    <message>
        <source>The server took too long to answer. Try again.</source>
        <translation>El servidor tardó demasiado en responder. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>El servidor está ocupado. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The server could not complete this request.</source>
        <translation>El servidor no pudo completar esta solicitud.</translation>
    </message>
    <message>
        <source>The server did not understand the request. This version of Confab may not match the server's.</source>
        <translation>El servidor no entendió la solicitud. Puede que esta versión de Confab no coincida con la del servidor.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>El servidor rechazó la solicitud: %1</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nombre de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>A username has %1 to %2 characters: letters a-z, digits, “_”, “.” and “-”.</source>
        <translation>Un nombre de usuario tiene de %1 a %2 caracteres: letras a-z, cifras, «_», «.» y «-».</translation>
    </message>
    <message>
        <source>The search is not understood: check its filters (from:, in:, before:, after:, has:file).</source>
        <translation>No se entiende la búsqueda: revisa sus filtros (from:, in:, before:, after:, has:file).</translation>
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
        <translation>El servidor no puede hacerlo ahora: %1</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation>Demasiados intentos. Vuelve a intentarlo dentro de %1.</translation>
    </message>
    <message>
        <source>Try again in %1.</source>
        <translation>Vuelve a intentarlo dentro de %1.</translation>
    </message>
</context>
<context>
    <name>confab::client::EventPollTransport</name>
    <message>
        <source>The server sent an answer this client cannot read (%1).</source>
        <translation>El servidor envió una respuesta que este cliente no puede leer (%1).</translation>
    </message>
</context>
<context>
    <name>confab::client::FileUpload</name>
    <message>
        <source>This file does not fit in your storage quota of %1 (%2 used).</source>
        <translation>Este archivo no cabe en tu cuota de almacenamiento de %1 (%2 en uso).</translation>
    </message>
    <message>
        <source>This file is larger than the limit of %1.</source>
        <translation>Este archivo supera el límite de %1.</translation>
    </message>
    <message>
        <source>This room does not allow files.</source>
        <translation>Esta sala no admite archivos.</translation>
    </message>
    <message>
        <source>This room does not allow this type of file.</source>
        <translation>Esta sala no admite este tipo de archivo.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 changed since it was attached.</source>
        <translation>%1 cambió desde que se adjuntó.</translation>
    </message>
    <message>
        <source>The server's answer could not be read.</source>
        <translation>No se pudo leer la respuesta del servidor.</translation>
    </message>
</context>
<context>
    <name>confab::client::KnownUsers</name>
    <message>
        <source>Server administration</source>
        <translation>Administración del servidor</translation>
    </message>
    <message>
        <source>Unknown user (%1)</source>
        <translation>Usuario desconocido (%1)</translation>
    </message>
</context>
<context>
    <name>confab::client::LastSeenText</name>
    <message>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Last seen just now</source>
        <translation>Visto hace un momento</translation>
    </message>
    <message numerus="yes">
        <source>Last seen %n min ago</source>
        <translation>
            <numerusform>Visto hace %n min</numerusform>
            <numerusform>Visto hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last seen %n h ago</source>
        <translation>
            <numerusform>Visto hace %n h</numerusform>
            <numerusform>Visto hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Last seen yesterday</source>
        <translation>Visto ayer</translation>
    </message>
    <message numerus="yes">
        <source>Last seen %n days ago</source>
        <translation>
            <numerusform>Visto hace %n días</numerusform>
            <numerusform>Visto hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Last seen on %1</source>
        <translation>Visto el %1</translation>
    </message>
</context>
<context>
    <name>confab::client::MediaCache</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>The server does not have this file (any more).</source>
        <translation>El servidor no tiene este archivo (o ya no lo tiene).</translation>
    </message>
    <message>
        <source>The file could not be downloaded: %1</source>
        <translation>No se pudo descargar el archivo: %1</translation>
    </message>
</context>
<context>
    <name>confab::client::MemberModel</name>
    <message>
        <source>online</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>ocupado</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>silenciado</translation>
    </message>
</context>
<context>
    <name>confab::client::MessageModel</name>
    <message>
        <source>This message was deleted.</source>
        <translation>Este mensaje se eliminó.</translation>
    </message>
</context>
<context>
    <name>confab::client::ModerationActions</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 now owns the room.</source>
        <translation>%1 es ahora el propietario de la sala.</translation>
    </message>
    <message>
        <source>%1 is now an admin.</source>
        <translation>%1 es ahora administrador.</translation>
    </message>
    <message>
        <source>%1 is now a moderator.</source>
        <translation>%1 es ahora moderador.</translation>
    </message>
    <message>
        <source>%1 is now a member.</source>
        <translation>%1 es ahora miembro.</translation>
    </message>
    <message>
        <source>Could not change the role of %1</source>
        <translation>No se pudo cambiar el rol de %1</translation>
    </message>
    <message>
        <source>Could not hand the room over to %1</source>
        <translation>No se pudo ceder la sala a %1</translation>
    </message>
    <message>
        <source>%1 is muted.</source>
        <translation>%1 está silenciado.</translation>
    </message>
    <message>
        <source>Could not mute %1</source>
        <translation>No se pudo silenciar a %1</translation>
    </message>
    <message>
        <source>%1 may post again.</source>
        <translation>%1 puede volver a publicar.</translation>
    </message>
    <message>
        <source>Could not unmute %1</source>
        <translation>No se pudo quitar el silencio a %1</translation>
    </message>
    <message>
        <source>%1 was removed from the room.</source>
        <translation>%1 fue sacado de la sala.</translation>
    </message>
    <message>
        <source>Could not remove %1</source>
        <translation>No se pudo sacar a %1</translation>
    </message>
    <message>
        <source>%1 is banned.</source>
        <translation>%1 está expulsado.</translation>
    </message>
    <message>
        <source>Could not ban %1</source>
        <translation>No se pudo expulsar a %1</translation>
    </message>
    <message>
        <source>%1 is no longer banned.</source>
        <translation>%1 ya no está expulsado.</translation>
    </message>
    <message>
        <source>Could not lift the ban on %1</source>
        <translation>No se pudo levantar la expulsión de %1</translation>
    </message>
    <message>
        <source>Room settings saved.</source>
        <translation>Configuración de la sala guardada.</translation>
    </message>
    <message>
        <source>Could not save the room settings</source>
        <translation>No se pudo guardar la configuración de la sala</translation>
    </message>
    <message>
        <source>The room was deleted.</source>
        <translation>La sala se eliminó.</translation>
    </message>
    <message>
        <source>Could not delete the room</source>
        <translation>No se pudo eliminar la sala</translation>
    </message>
</context>
<context>
    <name>confab::client::ModerationPolicy</name>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderador</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>You are not a member of this room.</source>
        <translation>No eres miembro de esta sala.</translation>
    </message>
    <message>
        <source>Only the room's owner can do this.</source>
        <translation>Solo el propietario de la sala puede hacer esto.</translation>
    </message>
    <message>
        <source>This needs the role %1 or higher; yours is %2.</source>
        <translation>Esto requiere el rol %1 o superior; el tuyo es %2.</translation>
    </message>
    <message>
        <source>Nobody may do this.</source>
        <translation>Nadie puede hacer esto.</translation>
    </message>
    <message>
        <source>You can only do this to members whose role is below yours (%1).</source>
        <translation>Solo puedes hacer esto a miembros con un rol inferior al tuyo (%1).</translation>
    </message>
    <message>
        <source>You cannot change your own role.</source>
        <translation>No puedes cambiar tu propio rol.</translation>
    </message>
    <message>
        <source>You can only give roles below your own (%1).</source>
        <translation>Solo puedes dar roles inferiores al tuyo (%1).</translation>
    </message>
    <message>
        <source>You already own this room.</source>
        <translation>Ya eres el propietario de esta sala.</translation>
    </message>
    <message>
        <source>You cannot mute yourself.</source>
        <translation>No puedes silenciarte a ti mismo.</translation>
    </message>
    <message>
        <source>Leave the room instead of removing yourself.</source>
        <translation>Sal de la sala en lugar de sacarte a ti mismo.</translation>
    </message>
    <message>
        <source>You cannot ban yourself.</source>
        <translation>No puedes expulsarte a ti mismo.</translation>
    </message>
    <message>
        <source>This is an announcement room: posting here needs the role %1 or higher.</source>
        <translation>Esta es una sala de anuncios: publicar aquí requiere el rol %1 o superior.</translation>
    </message>
</context>
<context>
    <name>confab::client::PostingState</name>
    <message>
        <source>You are muted in this room until %1.</source>
        <translation>Estás silenciado en esta sala hasta %1.</translation>
    </message>
    <message>
        <source>You are muted in this room until a moderator lifts it.</source>
        <translation>Estás silenciado en esta sala hasta que un moderador lo levante.</translation>
    </message>
    <message numerus="yes">
        <source>You can send again in %n s.</source>
        <translation>
            <numerusform>Podrás enviar de nuevo en %n s.</numerusform>
            <numerusform>Podrás enviar de nuevo en %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::client::RealtimeConnection</name>
    <message>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Retrying in %n s</source>
        <translation>
            <numerusform>Conexión perdida. Reintentando en %n s</numerusform>
            <numerusform>Conexión perdida. Reintentando en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>long-poll fallback: WebSockets are blocked</source>
        <translation>long-poll de respaldo: los WebSockets están bloqueados</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Connected (%1)</source>
        <translation>Conectado (%1)</translation>
    </message>
</context>
<context>
    <name>confab::client::RoomActions</name>
    <message>
        <source>You are signed out.</source>
        <translation>Has cerrado la sesión.</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Escribe un nombre de usuario.</translation>
    </message>
    <message>
        <source>That is you. Enter someone else's username.</source>
        <translation>Ese eres tú. Escribe el nombre de usuario de otra persona.</translation>
    </message>
    <message>
        <source>There is no user called %1.</source>
        <translation>No hay ningún usuario llamado %1.</translation>
    </message>
    <message>
        <source>You cannot leave this room now. If you own it, hand ownership to another member first.</source>
        <translation>No puedes salir de esta sala ahora. Si eres su propietario, cede antes la propiedad a otro miembro.</translation>
    </message>
</context>
<context>
    <name>confab::client::RoomListModel</name>
    <message>
        <source>Direct conversation</source>
        <translation>Conversación directa</translation>
    </message>
</context>
<context>
    <name>confab::client::Session</name>
    <message>
        <source>Please sign in.</source>
        <translation>Inicia sesión.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Tu sesión ha terminado. Vuelve a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>confab::client::SignOutReason</name>
    <message>
        <source>Your password was changed on another device. Sign in again.</source>
        <translation>Tu contraseña se cambió en otro dispositivo. Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your password was reset by an administrator. Sign in again.</source>
        <translation>Un administrador ha restablecido tu contraseña. Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>This session was signed out. Sign in again.</source>
        <translation>Se ha cerrado esta sesión. Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your account was disabled by an administrator.</source>
        <translation>Un administrador ha desactivado tu cuenta.</translation>
    </message>
    <message>
        <source>Your account was banned from this server.</source>
        <translation>Tu cuenta ha sido expulsada de este servidor.</translation>
    </message>
    <message>
        <source>Your account was deleted.</source>
        <translation>Tu cuenta se ha eliminado.</translation>
    </message>
</context>
<context>
    <name>confab::client::SyncEngine</name>
    <message>
        <source>You left the room.</source>
        <translation>Saliste de la sala.</translation>
    </message>
    <message>
        <source>The room was deleted.</source>
        <translation>La sala se eliminó.</translation>
    </message>
    <message>
        <source>You were removed from the room by a moderator.</source>
        <translation>Un moderador te sacó de la sala.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>You were banned from the room.</source>
        <translation>Te expulsaron de la sala.</translation>
    </message>
    <message>
        <source>You were banned from the room until %1.</source>
        <translation>Te expulsaron de la sala hasta %1.</translation>
    </message>
</context>
<context>
    <name>confab::client::TokenStore</name>
    <message>
        <source>No keychain is available (%1). You stay signed in until you quit Confab; to stay signed in after that, allow keeping the token in a file.</source>
        <translation>No hay ningún llavero disponible (%1). Seguirás con la sesión iniciada hasta que cierres Confab; para mantenerla después, permite guardar el token en un archivo.</translation>
    </message>
    <message>
        <source>No keychain is available (%1). As you allowed, the token is kept in %2, readable only by you.</source>
        <translation>No hay ningún llavero disponible (%1). Como permitiste, el token se guarda en %2, legible solo por ti.</translation>
    </message>
</context>
<context>
    <name>confab::client::TypingModel</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 y %2 están escribiendo…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Varias personas están escribiendo…</translation>
    </message>
</context>
<context>
    <name>confab::ui::AccountButton</name>
    <message>
        <source>Status menu</source>
        <translation>Menú de estado</translation>
    </message>
    <message>
        <source>Set a status &amp;message…</source>
        <translation>Poner un &amp;mensaje de estado…</translation>
    </message>
    <message>
        <source>C&amp;lear the status message</source>
        <translation>&amp;Borrar el mensaje de estado</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Invisible</source>
        <translation>Invisible</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Account: signed out</source>
        <translation>Cuenta: sesión cerrada</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectado</translation>
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
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Your status: %1. Opens the status menu.</source>
        <translation>Tu estado: %1. Abre el menú de estado.</translation>
    </message>
</context>
<context>
    <name>confab::ui::ActionDialog</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>confab::ui::AnonymousToggle</name>
    <message>
        <source>Post anonymously</source>
        <translation>Publicar de forma anónima</translation>
    </message>
    <message>
        <source>Post anonymously (Ctrl+Shift+A)</source>
        <translation>Publicar de forma anónima (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <source>🎭 Posting anonymously: your name is hidden from everyone. Ctrl+Shift+A turns it off.</source>
        <translation>🎭 Publicas de forma anónima: nadie verá tu nombre. Ctrl+Mayús+A lo desactiva.</translation>
    </message>
    <message>
        <source>Anonymous posting is on</source>
        <translation>La publicación anónima está activada</translation>
    </message>
    <message>
        <source>Posting anonymously… (%1)</source>
        <translation>Publicando de forma anónima… (%1)</translation>
    </message>
    <message>
        <source>Posting anonymously</source>
        <translation>Publicando de forma anónima</translation>
    </message>
</context>
<context>
    <name>confab::ui::AnswerControls</name>
    <message>
        <source>generating…</source>
        <translation>generando…</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Detenida antes de terminar.</translation>
    </message>
    <message>
        <source>The assistant could not answer.</source>
        <translation>El asistente no pudo responder.</translation>
    </message>
    <message>
        <source>The assistant could not answer: %1</source>
        <translation>El asistente no pudo responder: %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <source>Ask the assistant again</source>
        <translation>Volver a preguntar al asistente</translation>
    </message>
</context>
<context>
    <name>confab::ui::AttachmentActions</name>
    <message>
        <source>Save file</source>
        <translation>Guardar archivo</translation>
    </message>
</context>
<context>
    <name>confab::ui::AttachmentStrip</name>
    <message>
        <source>Files to send</source>
        <translation>Archivos para enviar</translation>
    </message>
    <message>
        <source>Cannot attach %1: it is not a readable file.</source>
        <translation>No se puede adjuntar %1: no es un archivo legible.</translation>
    </message>
    <message>
        <source>At most %1 files go with one message.</source>
        <translation>Un mensaje lleva como máximo %1 archivos.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Remove (Delete)</source>
        <translation>Quitar (Supr)</translation>
    </message>
</context>
<context>
    <name>confab::ui::AvatarCropper</name>
    <message>
        <source>Picture crop area</source>
        <translation>Zona de recorte de la imagen</translation>
    </message>
    <message>
        <source>Arrow keys move the square, Shift with an arrow moves it faster, plus and minus make it larger or smaller.</source>
        <translation>Las flechas mueven el cuadrado, Mayús con una flecha lo mueve más rápido, y más y menos lo agrandan o lo achican.</translation>
    </message>
    <message>
        <source>Choose a picture to crop it here.</source>
        <translation>Elige una imagen para recortarla aquí.</translation>
    </message>
    <message>
        <source>The square covers %1% of the picture's shorter side, starting %2 pixels from the left and %3 from the top. Arrow keys move it, plus and minus resize it.</source>
        <translation>El cuadrado cubre el %1 % del lado más corto de la imagen y empieza a %2 píxeles de la izquierda y a %3 de arriba. Las flechas lo mueven; más y menos cambian su tamaño.</translation>
    </message>
</context>
<context>
    <name>confab::ui::BrowseRoomsDialog</name>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Unirse</translation>
    </message>
    <message>
        <source>Browse rooms</source>
        <translation>Explorar salas</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Buscar salas</translation>
    </message>
    <message>
        <source>Search by name or description</source>
        <translation>Buscar por nombre o descripción</translation>
    </message>
    <message>
        <source>Public rooms</source>
        <translation>Salas públicas</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Number of rooms found</source>
        <translation>Número de salas encontradas</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>%1 (announcements)</source>
        <translation>%1 (anuncios)</translation>
    </message>
    <message>
        <source>%1 — joined</source>
        <translation>%1 — ya estás dentro</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n members, %2</source>
        <translation>
            <numerusform>%1, %n miembro, %2</numerusform>
            <numerusform>%1, %n miembros, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no public rooms yet.</source>
        <translation>Todavía no hay salas públicas.</translation>
    </message>
    <message>
        <source>No public room matches “%1”.</source>
        <translation>Ninguna sala pública coincide con «%1».</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n rooms; type to narrow the search.</source>
        <translation>
            <numerusform>Se muestra la primera sala; escribe para acotar la búsqueda.</numerusform>
            <numerusform>Se muestran las primeras %n salas; escribe para acotar la búsqueda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n sala</numerusform>
            <numerusform>%n salas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Uniéndote…</translation>
    </message>
</context>
<context>
    <name>confab::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Reply or edit</source>
        <translation>Responder o editar</translation>
    </message>
    <message>
        <source>Replying to or editing</source>
        <translation>Respondiendo o editando</translation>
    </message>
    <message>
        <source>Insert emoji</source>
        <translation>Insertar emoji</translation>
    </message>
    <message>
        <source>Insert emoji (Ctrl+E)</source>
        <translation>Insertar emoji (Ctrl+E)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancelar edición</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>Cancelar respuesta</translation>
    </message>
    <message>
        <source>%1 (Esc)</source>
        <translation>%1 (Esc)</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>un mensaje</translation>
    </message>
    <message>
        <source>↩ Replying to %1</source>
        <translation>↩ Respondiendo a %1</translation>
    </message>
    <message>
        <source>↩ Replying to %1: %2</source>
        <translation>↩ Respondiendo a %1: %2</translation>
    </message>
    <message>
        <source>✎ Editing your message (Enter saves, Esc cancels)</source>
        <translation>✎ Editando tu mensaje (Intro guarda, Esc cancela)</translation>
    </message>
    <message>
        <source>Write a message… (%1)</source>
        <translation>Escribe un mensaje… (%1)</translation>
    </message>
    <message>
        <source>✎ Editing your message (Ctrl+Enter saves, Esc cancels)</source>
        <translation>✎ Editando tu mensaje (Ctrl+Intro guarda, Esc cancela)</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter for a new line</source>
        <translation>Ctrl+Intro envía, Intro para una línea nueva</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter for a new line</source>
        <translation>Intro envía, Mayús+Intro para una línea nueva</translation>
    </message>
    <message>
        <source>Not sent: this message has %1 characters, more than the %2 allowed. Shorten it to send it.</source>
        <translation>No enviado: este mensaje tiene %1 caracteres, más de los %2 permitidos. Acórtalo para poder enviarlo.</translation>
    </message>
</context>
<context>
    <name>confab::ui::ComposerCompleter</name>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <comment>member suggestion: display name (@username)</comment>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>@%1 — ask the assistant</source>
        <translation>@%1 — preguntar al asistente</translation>
    </message>
</context>
<context>
    <name>confab::ui::ConnectionBanner</name>
    <message>
        <source>Reconnect now</source>
        <translation>Reconectar ahora</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message numerus="yes">
        <source>Offline — retrying in %n s</source>
        <translation>
            <numerusform>Sin conexión — reintento en %n s</numerusform>
            <numerusform>Sin conexión — reintento en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Sin conexión: %1</translation>
    </message>
    <message>
        <source>Transport: %1</source>
        <translation>Transporte: %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::CreateRoomDialog</name>
    <message>
        <source>&amp;Create room</source>
        <translation>&amp;Crear sala</translation>
    </message>
    <message>
        <source>Create a room</source>
        <translation>Crear una sala</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nombre de la sala</translation>
    </message>
    <message>
        <source>e.g. design-reviews</source>
        <translation>p. ej. revisiones-de-diseño</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>What the room is about (optional)</source>
        <translation>De qué trata la sala (opcional)</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>Tipo de sala</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Pública</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privada</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Anuncios</translation>
    </message>
    <message>
        <source>About this room type</source>
        <translation>Sobre este tipo de sala</translation>
    </message>
    <message>
        <source>People to add</source>
        <translation>Personas que añadir</translation>
    </message>
    <message>
        <source>Usernames, separated by commas</source>
        <translation>Nombres de usuario, separados por comas</translation>
    </message>
    <message>
        <source>Members may add people</source>
        <translation>Los miembros pueden añadir personas</translation>
    </message>
    <message>
        <source>Allow anonymous posts</source>
        <translation>Permitir mensajes anónimos</translation>
    </message>
    <message>
        <source>Slow mode in seconds</source>
        <translation>Modo lento en segundos</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Member limit</source>
        <translation>Límite de miembros</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Add &amp;people:</source>
        <translation>Añadir &amp;personas:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>S&amp;low mode:</source>
        <translation>Modo &amp;lento:</translation>
    </message>
    <message>
        <source>&amp;Member limit:</source>
        <translation>Límite de &amp;miembros:</translation>
    </message>
    <message>
        <source>Listed for everyone on the server; anyone can join.</source>
        <translation>Visible para todos en el servidor; cualquiera puede unirse.</translation>
    </message>
    <message>
        <source>Hidden; people come in only when a member adds them.</source>
        <translation>Oculta; solo se entra si un miembro te añade.</translation>
    </message>
    <message>
        <source>A small private group of 2 to 50 people; add at least one person.</source>
        <translation>Un grupo privado pequeño de 2 a 50 personas; añade al menos a una persona.</translation>
    </message>
    <message>
        <source>Listed and open to all, but only moderators and above can post.</source>
        <translation>Visible y abierta a todos, pero solo los moderadores y superiores pueden escribir.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Enter a name for the room.</source>
        <translation>Escribe un nombre para la sala.</translation>
    </message>
    <message>
        <source>The description is too long: %1 characters, at most %2.</source>
        <translation>La descripción es demasiado larga: %1 caracteres, como máximo %2.</translation>
    </message>
    <message>
        <source>A group needs at least one other person: enter their username.</source>
        <translation>Un grupo necesita al menos otra persona: escribe su nombre de usuario.</translation>
    </message>
    <message>
        <source>Creating the room…</source>
        <translation>Creando la sala…</translation>
    </message>
</context>
<context>
    <name>confab::ui::DeleteAccountDialog</name>
    <message>
        <source>Delete your account</source>
        <translation>Eliminar tu cuenta</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This cannot be undone.&lt;/b&gt; Deleting your account %1 on %2:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Your messages stay in their place as “message deleted”, with their text and attachments erased, under the name “Deleted user”.&lt;/li&gt;&lt;li&gt;Your reactions are removed and you leave every room and conversation.&lt;/li&gt;&lt;li&gt;Rooms you own pass to their highest-ranking remaining member; a room with no one else in it stays empty.&lt;/li&gt;&lt;li&gt;You are signed out everywhere, and your username becomes free for anyone to take.&lt;/li&gt;&lt;li&gt;This computer forgets the account: its saved messages and the stored sign-in.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Esto no se puede deshacer.&lt;/b&gt; Al eliminar tu cuenta %1 en %2:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Tus mensajes se quedan en su sitio como «mensaje eliminado», sin su texto ni sus adjuntos, con el nombre «Usuario eliminado».&lt;/li&gt;&lt;li&gt;Se quitan tus reacciones y sales de todas las salas y conversaciones.&lt;/li&gt;&lt;li&gt;Las salas de las que eres propietario pasan al miembro restante de mayor rango; una sala en la que no queda nadie se queda vacía.&lt;/li&gt;&lt;li&gt;Se cierra tu sesión en todas partes y tu nombre de usuario queda libre para cualquiera.&lt;/li&gt;&lt;li&gt;Este ordenador olvida la cuenta: sus mensajes guardados y el inicio de sesión almacenado.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>What deleting your account does</source>
        <translation>Qué supone eliminar tu cuenta</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Tu contraseña</translation>
    </message>
    <message>
        <source>Type your password to confirm that you want to delete your account.</source>
        <translation>Escribe tu contraseña para confirmar que quieres eliminar tu cuenta.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Delete account</source>
        <translation>&amp;Eliminar la cuenta</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Eliminar la cuenta</translation>
    </message>
    <message>
        <source>Deleting your account…</source>
        <translation>Eliminando tu cuenta…</translation>
    </message>
    <message>
        <source>That is not your password. Nothing was deleted.</source>
        <translation>Esa no es tu contraseña. No se ha eliminado nada.</translation>
    </message>
    <message>
        <source>Your account was not deleted: %1</source>
        <translation>Tu cuenta no se ha eliminado: %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::DirectMessageDialog</name>
    <message>
        <source>&amp;Start conversation</source>
        <translation>&amp;Iniciar conversación</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Mensaje directo</translation>
    </message>
    <message>
        <source>Who do you want to talk to? Enter their username.</source>
        <translation>¿Con quién quieres hablar? Escribe su nombre de usuario.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Enter the username of the person to write to.</source>
        <translation>Escribe el nombre de usuario de la persona a la que quieres escribir.</translation>
    </message>
    <message>
        <source>Looking for %1…</source>
        <translation>Buscando a %1…</translation>
    </message>
</context>
<context>
    <name>confab::ui::EmojiPicker</name>
    <message>
        <source>Emoji picker</source>
        <translation>Selector de emojis</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>Smileys and emotion</source>
        <translation>Caras y emociones</translation>
    </message>
    <message>
        <source>People and body</source>
        <translation>Personas y cuerpo</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>Animales y naturaleza</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>Comida y bebida</translation>
    </message>
    <message>
        <source>Travel and places</source>
        <translation>Viajes y lugares</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Actividades</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objetos</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Símbolos</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Banderas</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Buscar emoji</translation>
    </message>
    <message>
        <source>Search emoji by name or keyword</source>
        <translation>Busca un emoji por nombre o palabra clave</translation>
    </message>
    <message>
        <source>Emoji categories</source>
        <translation>Categorías de emoji</translation>
    </message>
    <message>
        <source>Frequently used</source>
        <translation>Usados con frecuencia</translation>
    </message>
    <message>
        <source>Emoji matching “%1”</source>
        <translation>Emoji que coinciden con «%1»</translation>
    </message>
</context>
<context>
    <name>confab::ui::ExportDialog</name>
    <message>
        <source>Export my data</source>
        <translation>Exportar mis datos</translation>
    </message>
    <message>
        <source>Download everything this server holds about you: your profile, your rooms and roles, your messages, your reactions, where you stopped reading, and your uploaded files.</source>
        <translation>Descarga todo lo que este servidor guarda sobre ti: tu perfil, tus salas y roles, tus mensajes, tus reacciones, dónde dejaste de leer y los archivos que subiste.</translation>
    </message>
    <message>
        <source>&amp;Archive with my files (.zip)</source>
        <translation>&amp;Archivo con mis ficheros (.zip)</translation>
    </message>
    <message>
        <source>Archive with my files</source>
        <translation>Archivo con mis ficheros</translation>
    </message>
    <message>
        <source>&amp;Data only (.json)</source>
        <translation>Solo los &amp;datos (.json)</translation>
    </message>
    <message>
        <source>Data only</source>
        <translation>Solo los datos</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Received so far</source>
        <translation>Recibido hasta ahora</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was saved.</source>
        <translation>Se canceló la exportación; no se guardó nada.</translation>
    </message>
    <message>
        <source>Save your data as</source>
        <translation>Guardar tus datos como</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Archivos zip (*.zip)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 recibidos</translation>
    </message>
    <message>
        <source>Your data was saved to %1.</source>
        <translation>Tus datos se guardaron en %1.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Exporting your data…</source>
        <translation>Exportando tus datos…</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Cancelar la exportación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>confab::ui::ImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation>Visor de imágenes</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Image name</source>
        <translation>Nombre de la imagen</translation>
    </message>
    <message>
        <source>Previous image (Left)</source>
        <translation>Imagen anterior (Izquierda)</translation>
    </message>
    <message>
        <source>Next image (Right)</source>
        <translation>Imagen siguiente (Derecha)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Alejar (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Acercar (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit to the window (0)</source>
        <translation>Ajustar a la ventana (0)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open in another program</source>
        <translation>Abrir en otro programa</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Save the image as a file</source>
        <translation>Guardar la imagen como archivo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the viewer (Esc)</source>
        <translation>Cerrar el visor (Esc)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 de %3)</translation>
    </message>
</context>
<context>
    <name>confab::ui::InviteDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Add people to %1</source>
        <translation>Añadir personas a %1</translation>
    </message>
    <message>
        <source>They become members of “%1” at once.</source>
        <translation>Pasan a ser miembros de «%1» al instante.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Enter the username of the person to add.</source>
        <translation>Escribe el nombre de usuario de la persona que quieres añadir.</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>Añadiendo a %1…</translation>
    </message>
    <message>
        <source>%1 (%2) was added. Add someone else, or close.</source>
        <translation>Se ha añadido a %1 (%2). Añade a alguien más o cierra.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>confab::ui::KeychainPrompt</name>
    <message>
        <source>No keychain</source>
        <translation>Sin llavero</translation>
    </message>
    <message>
        <source>Keep the sign-in in %1, readable only by you? Anyone who can read your files as you could use it to act as you.</source>
        <translation>¿Guardar la sesión en %1, legible solo por ti? Quien pueda leer tus archivos con tu usuario podría usarla para actuar en tu nombre.</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in</source>
        <translation>&amp;Mantener la sesión iniciada</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Mantener la sesión iniciada</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Ahora no</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>confab::ui::LeaveRoomDialog</name>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Salir de la sala</translation>
    </message>
    <message>
        <source>Leave your conversation with %1?</source>
        <translation>¿Salir de tu conversación con %1?</translation>
    </message>
    <message>
        <source>Leave “%1”?</source>
        <translation>¿Salir de «%1»?</translation>
    </message>
    <message>
        <source>You can join it again from Browse rooms.</source>
        <translation>Puedes volver a unirte desde Explorar salas.</translation>
    </message>
    <message>
        <source>It is not listed: to come back, a member has to add you again.</source>
        <translation>No aparece en la lista: para volver, un miembro tendrá que añadirte de nuevo.</translation>
    </message>
    <message>
        <source>The conversation disappears from your list.</source>
        <translation>La conversación desaparece de tu lista.</translation>
    </message>
    <message>
        <source>Leaving…</source>
        <translation>Saliendo…</translation>
    </message>
</context>
<context>
    <name>confab::ui::LengthCounter</name>
    <message>
        <source>Message length</source>
        <translation>Longitud del mensaje</translation>
    </message>
    <message>
        <source>%1 / %2 characters: too long to send</source>
        <translation>%1 / %2 caracteres: demasiado largo para enviarlo</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caracteres</translation>
    </message>
</context>
<context>
    <name>confab::ui::MainWindow</name>
    <message>
        <source>Filter rooms</source>
        <translation>Filtrar salas</translation>
    </message>
    <message>
        <source>Filter rooms (%1)</source>
        <translation>Filtrar salas (%1)</translation>
    </message>
    <message>
        <source>New room or conversation</source>
        <translation>Nueva sala o conversación</translation>
    </message>
    <message>
        <source>New room, browse rooms, direct message</source>
        <translation>Nueva sala, explorar salas, mensaje directo</translation>
    </message>
    <message>
        <source>Rooms and direct messages</source>
        <translation>Salas y mensajes directos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New room…</source>
        <translation>&amp;Nueva sala…</translation>
    </message>
    <message>
        <source>&amp;Direct message…</source>
        <translation>Mensaje &amp;directo…</translation>
    </message>
    <message>
        <source>&amp;Browse rooms…</source>
        <translation>&amp;Explorar salas…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Sala</translation>
    </message>
    <message>
        <source>&amp;Add people…</source>
        <translation>&amp;Añadir personas…</translation>
    </message>
    <message>
        <source>&amp;Leave room…</source>
        <translation>&amp;Salir de la sala…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Find a room…</source>
        <translation>&amp;Buscar una sala…</translation>
    </message>
    <message>
        <source>&amp;Previous room</source>
        <translation>Sala &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next room</source>
        <translation>Sala &amp;siguiente</translation>
    </message>
    <message>
        <source>Previous &amp;unread room</source>
        <translation>Sala sin leer a&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Seguir al &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Confab</source>
        <translation>Acerca &amp;de Confab</translation>
    </message>
    <message>
        <source>About Confab</source>
        <translation>Acerca de Confab</translation>
    </message>
    <message>
        <source>Confab %1
Self-hosted chat for teams.</source>
        <translation>Confab %1
Chat autoalojado para equipos.</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>No rooms yet. Use + to create a room or find one.</source>
        <translation>Todavía no hay salas. Usa + para crear una o encontrarla.</translation>
    </message>
    <message>
        <source>No room matches “%1”.</source>
        <translation>Ninguna sala coincide con «%1».</translation>
    </message>
    <message>
        <source>Ne&amp;xt unread room</source>
        <translation>Sala sin leer sig&amp;uiente</translation>
    </message>
    <message>
        <source>Leave the room filter, back to the open room</source>
        <translation>Salir del filtro de salas y volver a la sala abierta</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty composer)</source>
        <translation>Editar tu último mensaje (con el editor vacío)</translation>
    </message>
    <message>
        <source>Pick an emoji (in the composer)</source>
        <translation>Elegir un emoji (en el editor)</translation>
    </message>
    <message>
        <source>Jump to the latest message (in the timeline)</source>
        <translation>Ir al último mensaje (en la conversación)</translation>
    </message>
    <message>
        <source>Menu of a message or member</source>
        <translation>Menú de un mensaje o miembro</translation>
    </message>
    <message>
        <source>&amp;Delete account…</source>
        <translation>&amp;Eliminar la cuenta…</translation>
    </message>
    <message>
        <source>&amp;Search this room…</source>
        <translation>Buscar en esta sa&amp;la…</translation>
    </message>
    <message>
        <source>Search &amp;all rooms…</source>
        <translation>Buscar en t&amp;odas las salas…</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
    <message>
        <source>&amp;Profile and password…</source>
        <translation>&amp;Perfil y contraseña…</translation>
    </message>
    <message>
        <source>E&amp;xport my data…</source>
        <translation>E&amp;xportar mis datos…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir la carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>Show the folder with this program's log files</source>
        <translation>Muestra la carpeta con los archivos de registro de este programa</translation>
    </message>
</context>
<context>
    <name>confab::ui::MemberDelegate</name>
    <message>
        <source>Owner — %1</source>
        <translation>Propietario — %1</translation>
    </message>
    <message>
        <source>Admins — %1</source>
        <translation>Administradores — %1</translation>
    </message>
    <message>
        <source>Moderators — %1</source>
        <translation>Moderadores — %1</translation>
    </message>
    <message>
        <source>Members — %1</source>
        <translation>Miembros — %1</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Mod</source>
        <translation>Mod</translation>
    </message>
    <message>
        <source>Muted until %1</source>
        <translation>Silenciado hasta %1</translation>
    </message>
    <message>
        <source>Muted until lifted</source>
        <translation>Silenciado hasta que se levante</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <source>Online — %1</source>
        <translation>En línea — %1</translation>
    </message>
    <message>
        <source>Offline — %1</source>
        <translation>Desconectados — %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::MemberMenu</name>
    <message>
        <source>For 5 minutes</source>
        <translation>Durante 5 minutos</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Durante 1 hora</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Durante 1 día</translation>
    </message>
    <message>
        <source>Until lifted</source>
        <translation>Hasta que se levante</translation>
    </message>
    <message numerus="yes">
        <source>For %n second(s)</source>
        <translation>
            <numerusform>Durante %n segundo</numerusform>
            <numerusform>Durante %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Acciones para %1</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Hacer administrador</translation>
    </message>
    <message>
        <source>Make moderator</source>
        <translation>Hacer moderador</translation>
    </message>
    <message>
        <source>Demote to moderator</source>
        <translation>Degradar a moderador</translation>
    </message>
    <message>
        <source>Demote to member</source>
        <translation>Degradar a miembro</translation>
    </message>
    <message>
        <source>Hand over ownership…</source>
        <translation>Ceder la propiedad…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Mute for how long</source>
        <translation>Silenciar durante cuánto tiempo</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Quitar silencio</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>Echar…</translation>
    </message>
    <message>
        <source>Ban…</source>
        <translation>Expulsar…</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Ver perfil</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
</context>
<context>
    <name>confab::ui::MemberPanel</name>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Member count</source>
        <translation>Número de miembros</translation>
    </message>
    <message>
        <source>Member list</source>
        <translation>Lista de miembros</translation>
    </message>
    <message>
        <source>Press the Menu key or Shift+F10 for what you can do with a member.</source>
        <translation>Pulsa la tecla Menú o Mayús+F10 para ver qué puedes hacer con un miembro.</translation>
    </message>
    <message>
        <source>Last moderation result</source>
        <translation>Último resultado de moderación</translation>
    </message>
    <message>
        <source>Members · %1</source>
        <translation>Miembros · %1</translation>
    </message>
    <message>
        <source>No one matches “%1”.</source>
        <translation>Nadie coincide con «%1».</translation>
    </message>
    <message>
        <source>Search members</source>
        <translation>Buscar miembros</translation>
    </message>
    <message numerus="yes">
        <source>Members · %n found</source>
        <translation>
            <numerusform>Miembros · %n encontrados</numerusform>
            <numerusform>Miembros · %n encontrados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageAnnouncer</name>
    <message>
        <source>New message from %1: %2</source>
        <translation>Mensaje nuevo de %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n others</source>
        <translation>
            <numerusform>otros %n</numerusform>
            <numerusform>otros %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1</source>
        <translation>
            <numerusform>%n mensajes nuevos de %1</numerusform>
            <numerusform>%n mensajes nuevos de %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Ayer %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>un mensaje</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <source>Not sent. Double-click to retry.</source>
        <translation>No enviado. Haz doble clic para reintentar.</translation>
    </message>
    <message>
        <source>Not sent: %1. Double-click to retry.</source>
        <translation>No enviado: %1. Haz doble clic para reintentar.</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(editado)</translation>
    </message>
    <message>
        <source>📌 pinned</source>
        <translation>📌 fijado</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Mensajes nuevos</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>uploading… %1 % (Ctrl+Shift+Backspace cancels)</source>
        <translation>subiendo… %1 % (Ctrl+Mayús+Retroceso cancela)</translation>
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
        <translation>Reaccionar</translation>
    </message>
    <message>
        <source>React (Ctrl+Shift+E)</source>
        <translation>Reaccionar (Ctrl+Mayús+E)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Reply (Ctrl+R)</source>
        <translation>Responder (Ctrl+R)</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Más acciones</translation>
    </message>
    <message>
        <source>More actions (Shift+F10)</source>
        <translation>Más acciones (Mayús+F10)</translation>
    </message>
    <message>
        <source>Message toolbar</source>
        <translation>Barra de herramientas del mensaje</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <source>Stop the answer (Ctrl+Shift+X)</source>
        <translation>Detener la respuesta (Ctrl+Mayús+X)</translation>
    </message>
    <message>
        <source>Ask the assistant again</source>
        <translation>Volver a preguntar al asistente</translation>
    </message>
    <message>
        <source>Ask again (Ctrl+Shift+G)</source>
        <translation>Volver a preguntar (Ctrl+Mayús+G)</translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageJump</name>
    <message>
        <source>That message could not be opened: %1</source>
        <translation>No se pudo abrir ese mensaje: %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ModerationController</name>
    <message>
        <source>Show &amp;Members</source>
        <translation>Mostrar &amp;miembros</translation>
    </message>
    <message>
        <source>Room &amp;Settings…</source>
        <translation>&amp;Configuración de la sala…</translation>
    </message>
    <message>
        <source>M&amp;oderation…</source>
        <translation>M&amp;oderación…</translation>
    </message>
    <message>
        <source>Members (Ctrl+Shift+M)</source>
        <translation>Miembros (Ctrl+Mayús+M)</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Configuración de la sala</translation>
    </message>
    <message>
        <source>Moderation: audit log, bans, muted members</source>
        <translation>Moderación: registro de auditoría, expulsiones, miembros silenciados</translation>
    </message>
    <message>
        <source>Room settings (read only)</source>
        <translation>Configuración de la sala (solo lectura)</translation>
    </message>
    <message>
        <source>a room</source>
        <translation>una sala</translation>
    </message>
    <message>
        <source>You were removed from %1</source>
        <translation>Te sacaron de %1</translation>
    </message>
    <message>
        <source>You were banned from %1</source>
        <translation>Te expulsaron de %1</translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation>%1 se eliminó</translation>
    </message>
    <message>
        <source>The room and its messages are gone for everyone.</source>
        <translation>La sala y sus mensajes han desaparecido para todos.</translation>
    </message>
    <message>
        <source>You cannot send messages here now (see above).</source>
        <translation>Ahora no puedes enviar mensajes aquí (ver arriba).</translation>
    </message>
</context>
<context>
    <name>confab::ui::ModerationFlow</name>
    <message>
        <source>Hand over ownership</source>
        <translation>Ceder la propiedad</translation>
    </message>
    <message>
        <source>Make %1 the owner of %2?</source>
        <translation>¿Hacer a %1 propietario de %2?</translation>
    </message>
    <message>
        <source>You become an admin. Only the new owner can delete the room or hand it back.</source>
        <translation>Pasarás a ser administrador. Solo el nuevo propietario puede eliminar la sala o devolvértela.</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Ceder</translation>
    </message>
    <message>
        <source>Hand over ownership to %1</source>
        <translation>Ceder la propiedad a %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ModerationPanel</name>
    <message>
        <source>Moderation of %1</source>
        <translation>Moderación de %1</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Moderación</translation>
    </message>
    <message>
        <source>Moderation sections</source>
        <translation>Secciones de moderación</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>&amp;Registro de auditoría</translation>
    </message>
    <message>
        <source>&amp;Bans</source>
        <translation>&amp;Expulsiones</translation>
    </message>
    <message>
        <source>M&amp;uted</source>
        <translation>&amp;Silenciados</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Último resultado</translation>
    </message>
    <message>
        <source>The audit log is not open to you. %1</source>
        <translation>El registro de auditoría no está disponible para ti. %1</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Load &amp;older entries</source>
        <translation>Cargar entradas más &amp;antiguas</translation>
    </message>
    <message>
        <source>Load older audit entries</source>
        <translation>Cargar entradas de auditoría más antiguas</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <source>Refresh the audit log</source>
        <translation>Actualizar el registro de auditoría</translation>
    </message>
    <message>
        <source>Nothing has been logged in this room yet.</source>
        <translation>Todavía no se ha registrado nada en esta sala.</translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation>No se pudo cargar el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>The ban list is not open to you. %1</source>
        <translation>La lista de expulsiones no está disponible para ti. %1</translation>
    </message>
    <message>
        <source>Bans</source>
        <translation>Expulsiones</translation>
    </message>
    <message>
        <source>&amp;Unban</source>
        <translation>&amp;Levantar expulsión</translation>
    </message>
    <message>
        <source>Lift the selected ban</source>
        <translation>Levantar la expulsión seleccionada</translation>
    </message>
    <message>
        <source>Nobody is banned from this room.</source>
        <translation>Nadie está expulsado de esta sala.</translation>
    </message>
    <message>
        <source>Could not load the bans: %1</source>
        <translation>No se pudieron cargar las expulsiones: %1</translation>
    </message>
    <message>
        <source>Muting is not open to you. %1</source>
        <translation>Silenciar no está disponible para ti. %1</translation>
    </message>
    <message>
        <source>Muted members</source>
        <translation>Miembros silenciados</translation>
    </message>
    <message>
        <source>U&amp;nmute</source>
        <translation>&amp;Quitar silencio</translation>
    </message>
    <message>
        <source>Unmute the selected member</source>
        <translation>Quitar el silencio al miembro seleccionado</translation>
    </message>
    <message>
        <source>Nobody is muted in this room.</source>
        <translation>Nadie está silenciado en esta sala.</translation>
    </message>
</context>
<context>
    <name>confab::ui::NewPollDialog</name>
    <message>
        <source>&amp;Add option</source>
        <translation>&amp;Añadir opción</translation>
    </message>
    <message>
        <source>Allow &amp;several choices</source>
        <translation>Permitir &amp;varias respuestas</translation>
    </message>
    <message>
        <source>A&amp;nonymous votes (nobody sees who voted what)</source>
        <translation>Votos a&amp;nónimos (nadie ve quién votó qué)</translation>
    </message>
    <message>
        <source>C&amp;lose automatically at</source>
        <translation>C&amp;errar automáticamente el</translation>
    </message>
    <message>
        <source>Create poll</source>
        <translation>Crear encuesta</translation>
    </message>
    <message>
        <source>What do you want to ask?</source>
        <translation>¿Qué quieres preguntar?</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Añadir opción</translation>
    </message>
    <message>
        <source>Closing time</source>
        <translation>Hora de cierre</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Opciones:</translation>
    </message>
    <message>
        <source>Create &amp;poll</source>
        <translation>Crear encues&amp;ta</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>Opción %1</translation>
    </message>
    <message>
        <source>Remove option %1</source>
        <translation>Quitar la opción %1</translation>
    </message>
    <message>
        <source>Write a question.</source>
        <translation>Escribe una pregunta.</translation>
    </message>
    <message>
        <source>A poll needs 2 to 10 options.</source>
        <translation>Una encuesta necesita de 2 a 10 opciones.</translation>
    </message>
    <message>
        <source>The option "%1" is there twice.</source>
        <translation>La opción «%1» está dos veces.</translation>
    </message>
    <message>
        <source>The closing time must be in the future.</source>
        <translation>La hora de cierre debe ser futura.</translation>
    </message>
</context>
<context>
    <name>confab::ui::NotificationButton</name>
    <message>
        <source>Notifications for this room</source>
        <translation>Notificaciones de esta sala</translation>
    </message>
    <message>
        <source>Notifications: %1</source>
        <translation>Notificaciones: %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::NotificationMenu</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notificaciones</translation>
    </message>
    <message>
        <source>Notifications for this room</source>
        <translation>Notificaciones de esta sala</translation>
    </message>
    <message>
        <source>&amp;Default (direct messages and mentions)</source>
        <translation>&amp;Predeterminado (mensajes directos y menciones)</translation>
    </message>
    <message>
        <source>&amp;All messages</source>
        <translation>&amp;Todos los mensajes</translation>
    </message>
    <message>
        <source>&amp;Mentions only</source>
        <translation>Solo &amp;menciones</translation>
    </message>
    <message>
        <source>N&amp;othing</source>
        <translation>&amp;Nada</translation>
    </message>
    <message>
        <source>M&amp;ute room</source>
        <translation>Silenciar &amp;sala</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciada</translation>
    </message>
    <message>
        <source>Notify about all messages</source>
        <translation>Avisar de todos los mensajes</translation>
    </message>
    <message>
        <source>Notify about mentions only</source>
        <translation>Avisar solo de las menciones</translation>
    </message>
    <message>
        <source>No notifications</source>
        <translation>Sin notificaciones</translation>
    </message>
    <message>
        <source>Notify about direct messages and mentions</source>
        <translation>Avisar de los mensajes directos y las menciones</translation>
    </message>
</context>
<context>
    <name>confab::ui::Notifier</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n mensaje nuevo</numerusform>
            <numerusform>%n mensajes nuevos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::PeerStatusLabel</name>
    <message>
        <source>Status of the other person</source>
        <translation>Estado de la otra persona</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
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
        <translation>Mensajes fijados</translation>
    </message>
    <message numerus="yes">
        <source>%n pinned message(s)</source>
        <translation>
            <numerusform>%n mensaje fijado</numerusform>
            <numerusform>%n mensajes fijados</numerusform>
        </translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Este mensaje se eliminó.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>confab::ui::PollVoteDialog</name>
    <message>
        <source>Poll results</source>
        <translation>Resultados de la encuesta</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Votar</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Vote</source>
        <translation>&amp;Votar</translation>
    </message>
    <message>
        <source>&amp;Retract my vote</source>
        <translation>&amp;Retirar mi voto</translation>
    </message>
    <message>
        <source>C&amp;lose poll</source>
        <translation>C&amp;errar la encuesta</translation>
    </message>
</context>
<context>
    <name>confab::ui::PostingNotice</name>
    <message>
        <source>Why you cannot send</source>
        <translation>Por qué no puedes enviar</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <source>Slow mode</source>
        <translation>Modo lento</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Solo lectura</translation>
    </message>
</context>
<context>
    <name>confab::ui::ProfileCard</name>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Profile of %1</source>
        <translation>Perfil de %1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rol: %1</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Mensaje</translation>
    </message>
    <message>
        <source>Send %1 a direct message</source>
        <translation>Enviar un mensaje directo a %1</translation>
    </message>
    <message>
        <source>M&amp;oderate</source>
        <translation>M&amp;oderar</translation>
    </message>
    <message>
        <source>Moderation actions for %1</source>
        <translation>Acciones de moderación para %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ProfileDialog</name>
    <message>
        <source>Your profile</source>
        <translation>Tu perfil</translation>
    </message>
    <message>
        <source>Name and picture</source>
        <translation>Nombre e imagen</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nombre visible:</translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation>Tu imagen</translation>
    </message>
    <message>
        <source>&amp;Choose picture…</source>
        <translation>&amp;Elegir imagen…</translation>
    </message>
    <message>
        <source>Choose picture</source>
        <translation>Elegir imagen</translation>
    </message>
    <message>
        <source>&amp;Remove picture</source>
        <translation>&amp;Quitar imagen</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Quitar imagen</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>&amp;Guardar perfil</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Guardar perfil</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>N&amp;ew password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Re&amp;peat new password:</source>
        <translation>&amp;Repite la contraseña nueva:</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Repite la contraseña nueva</translation>
    </message>
    <message>
        <source>Changing your password signs out every other device.</source>
        <translation>Al cambiar la contraseña se cierra la sesión en todos tus demás dispositivos.</translation>
    </message>
    <message>
        <source>Change &amp;password</source>
        <translation>Cambiar &amp;contraseña</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The picture goes when you save the profile.</source>
        <translation>La imagen se quitará cuando guardes el perfil.</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Elige una imagen</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>This picture is too large to open.</source>
        <translation>Esta imagen es demasiado grande para abrirla.</translation>
    </message>
    <message>
        <source>This file is not a picture this program can read.</source>
        <translation>Este archivo no es una imagen que este programa pueda leer.</translation>
    </message>
    <message>
        <source>Move the square to the part you want, then save the profile.</source>
        <translation>Mueve el cuadrado a la parte que quieras y guarda el perfil.</translation>
    </message>
    <message>
        <source>Your display name cannot be empty.</source>
        <translation>Tu nombre visible no puede estar vacío.</translation>
    </message>
    <message>
        <source>Uploading your picture…</source>
        <translation>Subiendo tu imagen…</translation>
    </message>
    <message>
        <source>The picture could not be prepared for upload.</source>
        <translation>No se pudo preparar la imagen para subirla.</translation>
    </message>
    <message>
        <source>Your picture was not uploaded: %1</source>
        <translation>Tu imagen no se subió: %1</translation>
    </message>
    <message>
        <source>Saving your profile…</source>
        <translation>Guardando tu perfil…</translation>
    </message>
    <message>
        <source>Your profile was not saved: %1</source>
        <translation>Tu perfil no se guardó: %1</translation>
    </message>
    <message>
        <source>Your profile was saved. Everyone in your rooms sees it now.</source>
        <translation>Tu perfil se ha guardado. Todos en tus salas ya lo ven.</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>Escribe tu contraseña actual.</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters.</source>
        <translation>La contraseña nueva necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
        <source>Changing your password…</source>
        <translation>Cambiando tu contraseña…</translation>
    </message>
    <message>
        <source>The current password is wrong. Nothing was changed.</source>
        <translation>La contraseña actual no es correcta. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Your password was not changed: %1</source>
        <translation>Tu contraseña no se cambió: %1</translation>
    </message>
    <message>
        <source>Your password was changed. Your other devices were signed out.</source>
        <translation>Tu contraseña se ha cambiado. Se ha cerrado la sesión en tus demás dispositivos.</translation>
    </message>
</context>
<context>
    <name>confab::ui::ReactionSummary</name>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Someone reacted with %1</source>
        <translation>Alguien reaccionó con %1</translation>
    </message>
    <message>
        <source>%1 people reacted with %2</source>
        <translation>%1 personas reaccionaron con %2</translation>
    </message>
    <message>
        <source>You reacted with %1</source>
        <translation>Reaccionaste con %1</translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 reaccionó con %2</translation>
    </message>
    <message>
        <source>%1 and %2 reacted with %3</source>
        <translation>%1 y %2 reaccionaron con %3</translation>
    </message>
    <message>
        <source>%1 and one other reacted with %2</source>
        <translation>%1 y otra persona reaccionaron con %2</translation>
    </message>
    <message>
        <source>%1 and %2 others reacted with %3</source>
        <translation>%1 y %2 personas más reaccionaron con %3</translation>
    </message>
</context>
<context>
    <name>confab::ui::ReadReceiptsSetting</name>
    <message>
        <source>Send &amp;read receipts (when off, you see nobody's either)</source>
        <translation>Enviar confirmaciones de &amp;lectura (si las desactivas, tampoco verás las de nadie)</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>Enviar confirmaciones de lectura</translation>
    </message>
    <message>
        <source>The server could not be asked: %1</source>
        <translation>No se pudo consultar al servidor: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::RemovalDialog</name>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>Permanently</source>
        <translation>Permanentemente</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>Expulsar a %1</translation>
    </message>
    <message>
        <source>Kick %1</source>
        <translation>Echar a %1</translation>
    </message>
    <message>
        <source>Ban %1 from %2? They are removed at once and cannot join again until the ban ends or is lifted.</source>
        <translation>¿Expulsar a %1 de %2? Sale de inmediato y no podrá volver a entrar hasta que la expulsión termine o se levante.</translation>
    </message>
    <message>
        <source>Remove %1 from %2? They can join again later.</source>
        <translation>¿Sacar a %1 de %2? Podrá volver a entrar más tarde.</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Qué pasará</translation>
    </message>
    <message>
        <source>Optional; %1 sees it</source>
        <translation>Opcional; %1 lo verá</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Ban length</source>
        <translation>Duración de la expulsión</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Durante:</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Expulsar</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>Echar</translation>
    </message>
</context>
<context>
    <name>confab::ui::RemovalNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>You are no longer in a room</source>
        <translation>Ya no estás en una sala</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Descartar este aviso</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomDelegate</name>
    <message>
        <source>private</source>
        <translation>privada</translation>
    </message>
    <message>
        <source>announcements</source>
        <translation>anuncios</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>Aún no hay mensajes</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomFiles</name>
    <message>
        <source>&amp;Attach files…</source>
        <translation>&amp;Adjuntar archivos…</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>&amp;Abrir archivo</translation>
    </message>
    <message>
        <source>&amp;Save file as…</source>
        <translation>&amp;Guardar archivo como…</translation>
    </message>
    <message>
        <source>&amp;Cancel upload</source>
        <translation>&amp;Cancelar la subida</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+U)</source>
        <translation>Adjuntar archivos (Ctrl+U)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>Screenshot %1.png</source>
        <translation>Captura %1.png</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>No se pudo guardar la imagen pegada.</translation>
    </message>
    <message>
        <source>&amp;View %1</source>
        <translation>&amp;Ver %1</translation>
    </message>
    <message>
        <source>&amp;Open %1</source>
        <translation>&amp;Abrir %1</translation>
    </message>
    <message>
        <source>&amp;Save %1 as…</source>
        <translation>&amp;Guardar %1 como…</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>Guardar %1 como…</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomPolls</name>
    <message>
        <source>Create &amp;poll…</source>
        <translation>Crear encues&amp;ta…</translation>
    </message>
    <message>
        <source>Create poll</source>
        <translation>Crear encuesta</translation>
    </message>
    <message>
        <source>Create poll (Ctrl+Shift+L)</source>
        <translation>Crear encuesta (Ctrl+Mayús+L)</translation>
    </message>
    <message>
        <source>Poll res&amp;ults…</source>
        <translation>Res&amp;ultados de la encuesta…</translation>
    </message>
    <message>
        <source>&amp;Vote…</source>
        <translation>&amp;Votar…</translation>
    </message>
    <message>
        <source>C&amp;lose poll</source>
        <translation>Cerrar la encues&amp;ta</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomSectionModel</name>
    <message>
        <source>Direct messages</source>
        <translation>Mensajes directos</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mención</numerusform>
            <numerusform>%n menciones</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>silenciada</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomSettingsDialog</name>
    <message>
        <source>Public: listed, anyone can join</source>
        <translation>Pública: visible en la lista, cualquiera puede entrar</translation>
    </message>
    <message>
        <source>Private: hidden, members add people</source>
        <translation>Privada: oculta, los miembros añaden personas</translation>
    </message>
    <message>
        <source>Group: private, for a few people</source>
        <translation>Grupo: privada, para pocas personas</translation>
    </message>
    <message>
        <source>Direct conversation</source>
        <translation>Conversación directa</translation>
    </message>
    <message>
        <source>Announcement: listed, anyone can join, only %1 and higher post</source>
        <translation>Anuncios: visible en la lista, cualquiera puede entrar, solo publican %1 y superiores</translation>
    </message>
    <message>
        <source>Danger zone</source>
        <translation>Zona de peligro</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Configuración de %1</translation>
    </message>
    <message>
        <source>Room settings</source>
        <translation>Configuración de la sala</translation>
    </message>
    <message>
        <source>Why these settings are read-only</source>
        <translation>Por qué esta configuración es de solo lectura</translation>
    </message>
    <message>
        <source>You can look at these settings but not change them. %1</source>
        <translation>Puedes ver esta configuración, pero no cambiarla. %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nombre de la sala</translation>
    </message>
    <message>
        <source>Room description</source>
        <translation>Descripción de la sala</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>Tipo de sala</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Slow mode, seconds between one member's messages</source>
        <translation>Modo lento, segundos entre los mensajes de un miembro</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Members below moderator wait this long between their messages.</source>
        <translation>Los miembros por debajo de moderador esperan este tiempo entre sus mensajes.</translation>
    </message>
    <message>
        <source>The most members the room takes. It cannot go below the current member count.</source>
        <translation>El máximo de miembros que admite la sala. No puede ser menor que el número actual de miembros.</translation>
    </message>
    <message>
        <source>Members may add people (otherwise moderators and up)</source>
        <translation>Los miembros pueden añadir personas (si no, moderadores y superiores)</translation>
    </message>
    <message>
        <source>Members may add people</source>
        <translation>Los miembros pueden añadir personas</translation>
    </message>
    <message>
        <source>Allow anonymous posts</source>
        <translation>Permitir mensajes anónimos</translation>
    </message>
    <message>
        <source>Posting and members</source>
        <translation>Publicación y miembros</translation>
    </message>
    <message>
        <source>&amp;Slow mode:</source>
        <translation>Modo &amp;lento:</translation>
    </message>
    <message>
        <source>Blocked words, one per line</source>
        <translation>Palabras bloqueadas, una por línea</translation>
    </message>
    <message>
        <source>One word per line</source>
        <translation>Una palabra por línea</translation>
    </message>
    <message>
        <source>What happens to a message with a blocked word</source>
        <translation>Qué pasa con un mensaje que contiene una palabra bloqueada</translation>
    </message>
    <message>
        <source>Refuse the message</source>
        <translation>Rechazar el mensaje</translation>
    </message>
    <message>
        <source>Replace the words with *</source>
        <translation>Sustituir las palabras por *</translation>
    </message>
    <message>
        <source>Word filter</source>
        <translation>Filtro de palabras</translation>
    </message>
    <message>
        <source>&amp;Blocked words:</source>
        <translation>&amp;Palabras bloqueadas:</translation>
    </message>
    <message>
        <source>&amp;When one is used:</source>
        <translation>&amp;Cuando se use una:</translation>
    </message>
    <message>
        <source>Words match whole and in any case. The server's own list applies too.</source>
        <translation>Las palabras coinciden completas y sin distinguir mayúsculas. También se aplica la lista del servidor.</translation>
    </message>
    <message>
        <source>Delete this room…</source>
        <translation>Eliminar esta sala…</translation>
    </message>
    <message>
        <source>Delete this room</source>
        <translation>Eliminar esta sala</translation>
    </message>
    <message>
        <source>Deletes the room and all its messages for everyone. This cannot be undone.</source>
        <translation>Elimina la sala y todos sus mensajes para todos. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Save the room settings</source>
        <translation>Guardar la configuración de la sala</translation>
    </message>
    <message>
        <source>The room needs a name.</source>
        <translation>La sala necesita un nombre.</translation>
    </message>
    <message>
        <source>The description is %1 characters long; at most %2 fit.</source>
        <translation>La descripción tiene %1 caracteres; caben como máximo %2.</translation>
    </message>
    <message>
        <source>The word filter has %1 words; at most %2 fit.</source>
        <translation>El filtro de palabras tiene %1 palabras; caben como máximo %2.</translation>
    </message>
    <message>
        <source>The blocked word “%1…” is longer than %2 characters.</source>
        <translation>La palabra bloqueada «%1…» tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <source>Delete %1 and all its messages for everyone?</source>
        <translation>¿Eliminar %1 y todos sus mensajes para todos?</translation>
    </message>
    <message>
        <source>Every member loses the room at once. This cannot be undone.</source>
        <translation>Todos los miembros pierden la sala de inmediato. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete room</source>
        <translation>Eliminar sala</translation>
    </message>
    <message>
        <source>Delete the room for everyone</source>
        <translation>Eliminar la sala para todos</translation>
    </message>
    <message>
        <source>No blocked words</source>
        <translation>Sin palabras bloqueadas</translation>
    </message>
    <message>
        <source>Chosen when the room was created; it cannot change.</source>
        <translation>Se eligió al crear la sala; no se puede cambiar.</translation>
    </message>
    <message>
        <source>Member limit</source>
        <translation>Límite de miembros</translation>
    </message>
    <message>
        <source>Member &amp;limit:</source>
        <translation>Límite de &amp;miembros:</translation>
    </message>
    <message>
        <source>Allow the assistant (@ai answers here)</source>
        <translation>Permitir el asistente (@ai responde aquí)</translation>
    </message>
    <message>
        <source>Allow the assistant</source>
        <translation>Permitir el asistente</translation>
    </message>
    <message>
        <source>Messages starting with @ai or @assistant get an answer from the assistant, which reads the room's recent messages.</source>
        <translation>Los mensajes que empiezan por @ai o @assistant reciben una respuesta del asistente, que lee los mensajes recientes de la sala.</translation>
    </message>
</context>
<context>
    <name>confab::ui::RoomView</name>
    <message>
        <source>Room name</source>
        <translation>Nombre de la sala</translation>
    </message>
    <message>
        <source>Room description</source>
        <translation>Descripción de la sala</translation>
    </message>
    <message>
        <source>Who is typing</source>
        <translation>Quién está escribiendo</translation>
    </message>
    <message>
        <source>That pinned message is not loaded. Scroll up to find it.</source>
        <translation>Ese mensaje fijado no está cargado. Desplázate hacia arriba para encontrarlo.</translation>
    </message>
    <message>
        <source>No room open</source>
        <translation>Ninguna sala abierta</translation>
    </message>
    <message>
        <source>Message %1 (%2)</source>
        <translation>Mensaje para %1 (%2)</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Todavía no hay mensajes. ¡Saluda!</translation>
    </message>
</context>
<context>
    <name>confab::ui::SearchDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Words, from:user, in:room, before:/after:YYYY-MM-DD, has:file</source>
        <translation>Palabras, from:usuario, in:sala, before:/after:AAAA-MM-DD, has:file</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>Dónde buscar</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>Todas las salas</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>En %1</translation>
    </message>
    <message>
        <source>Sort results</source>
        <translation>Ordenar resultados</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Más recientes primero</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Más relevantes</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>No se encontró ningún mensaje.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found. Up and Down choose, Enter opens.</source>
        <translation>
            <numerusform>%n mensaje(s) encontrado(s). Arriba y Abajo eligen, Intro abre.</numerusform>
            <numerusform>%n mensaje(s) encontrado(s). Arriba y Abajo eligen, Intro abre.</numerusform>
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
        <translation>Visto por %1 y %2 personas más</translation>
    </message>
    <message>
        <source>Seen by %1</source>
        <translation>Visto por %1</translation>
    </message>
</context>
<context>
    <name>confab::ui::SettingsDialog</name>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Notify me of mentions and direct messages</source>
        <translation>Avisarme de menciones y mensajes directos</translation>
    </message>
    <message>
        <source>Minutes without input before I am shown away</source>
        <translation>Minutos sin actividad antes de mostrarme ausente</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Sesión iniciada como</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Appearance and behaviour</source>
        <translation>Aspecto y comportamiento</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>Show me as &amp;away after:</source>
        <translation>Mostrarme &amp;ausente tras:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Sesión iniciada como:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Send with Ctrl+&amp;Enter (Enter starts a new line)</source>
        <translation>Enviar con Ctrl+&amp;Intro (Intro empieza una línea nueva)</translation>
    </message>
    <message>
        <source>Send with Ctrl+Enter</source>
        <translation>Enviar con Ctrl+Intro</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Reiniciar ahora</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language shows after Confab restarts.</source>
        <translation>El nuevo idioma se verá cuando Confab se reinicie.</translation>
    </message>
    <message>
        <source>Restart Confab now</source>
        <translation>Reiniciar Confab ahora</translation>
    </message>
    <message>
        <source>Announce new &amp;messages to screen readers</source>
        <translation>Anunciar los &amp;mensajes nuevos a los lectores de pantalla</translation>
    </message>
    <message>
        <source>Announce new messages to screen readers</source>
        <translation>Anunciar los mensajes nuevos a los lectores de pantalla</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Idi&amp;oma:</translation>
    </message>
</context>
<context>
    <name>confab::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>confab::ui::SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>&amp;Crear cuenta</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Probar la &amp;demo</translation>
    </message>
    <message>
        <source>Sign in to Confab</source>
        <translation>Iniciar sesión en Confab</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <source>Only for a new account</source>
        <translation>Solo para una cuenta nueva</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Estado del inicio de sesión</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demo</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rvidor:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nombre visible:</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Iniciando la demo…</translation>
    </message>
    <message>
        <source>Enter the address of your Confab server.</source>
        <translation>Escribe la dirección de tu servidor Confab.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Escribe tu nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escribe tu contraseña.</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>Creando tu cuenta…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>No secure connection to %1 (https). If the server does not use TLS, did you mean %2?</source>
        <translation>No hay conexión segura con %1 (https). Si el servidor no usa TLS, ¿quisiste decir %2?</translation>
    </message>
</context>
<context>
    <name>confab::ui::SignOutConfirmation</name>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out of Confab? You will need your password to sign in again.</source>
        <translation>¿Cerrar la sesión de Confab? Necesitarás tu contraseña para volver a iniciarla.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
</context>
<context>
    <name>confab::ui::StatusMessageDialog</name>
    <message>
        <source>Status message</source>
        <translation>Mensaje de estado</translation>
    </message>
    <message>
        <source>No emoji</source>
        <translation>Sin emoji</translation>
    </message>
    <message>
        <source>Status emoji</source>
        <translation>Emoji de estado</translation>
    </message>
    <message>
        <source>What are you up to?</source>
        <translation>¿Qué estás haciendo?</translation>
    </message>
    <message>
        <source>&amp;Emoji:</source>
        <translation>&amp;Emoji:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message numerus="yes">
        <source>Up to %n character(s).</source>
        <translation>
            <numerusform>Hasta %n caracteres.</numerusform>
            <numerusform>Hasta %n caracteres.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::SystemLine</name>
    <message>
        <source>%1 and %2 others joined</source>
        <translation>%1 y %2 personas más se unieron</translation>
    </message>
    <message>
        <source>%1 have joined</source>
        <translation>%1 se unieron</translation>
    </message>
    <message>
        <source>%1 and %2 others left</source>
        <translation>%1 y %2 personas más se fueron</translation>
    </message>
    <message>
        <source>%1 have left</source>
        <translation>%1 se fueron</translation>
    </message>
    <message>
        <source>%1 room events</source>
        <translation>%1 eventos de la sala</translation>
    </message>
</context>
<context>
    <name>confab::ui::TimelineView</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 (in reply to %2)</source>
        <translation>%1 (en respuesta a %2)</translation>
    </message>
    <message>
        <source> Reactions: %1.</source>
        <translation> Reacciones: %1.</translation>
    </message>
    <message>
        <source>New messages. %1</source>
        <translation>Mensajes nuevos. %1</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Responder</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>More reactions…</source>
        <translation>Más reacciones…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copiar texto</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;Fijar</translation>
    </message>
    <message>
        <source>&amp;Mark read up to here</source>
        <translation>&amp;Marcar como leído hasta aquí</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Ir a lo más reciente</translation>
    </message>
    <message>
        <source>Jump to the latest message (End)</source>
        <translation>Ir al mensaje más reciente (Fin)</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n mensaje nuevo ↓</numerusform>
            <numerusform>%n mensajes nuevos ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>Ir a lo más reciente ↓</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>&amp;Desfijar</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Acciones del mensaje</translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>Re&amp;accionar</translation>
    </message>
    <message>
        <source>Open link %1</source>
        <translation>Abrir el enlace %1</translation>
    </message>
    <message>
        <source>The message this replies to is not loaded. Scroll up to find it.</source>
        <translation>El mensaje al que responde no está cargado. Desplázate hacia arriba para encontrarlo.</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Eliminar mensaje</translation>
    </message>
    <message>
        <source>Delete this message? Everyone in the room will see that it was deleted.</source>
        <translation>¿Eliminar este mensaje? Todos en la sala verán que se eliminó.</translation>
    </message>
    <message>
        <source>Delete %1's message for everyone?</source>
        <translation>¿Eliminar el mensaje de %1 para todos?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Not opened: %1. Only web and mail links open from messages.</source>
        <translation>No se abrió: %1. Desde los mensajes solo se abren enlaces web y de correo.</translation>
    </message>
    <message>
        <source>Could not open %1: no application handles it.</source>
        <translation>No se pudo abrir %1: ninguna aplicación lo admite.</translation>
    </message>
    <message>
        <source>Re&amp;try sending</source>
        <translation>Rein&amp;tentar el envío</translation>
    </message>
    <message>
        <source>Edit in the c&amp;omposer</source>
        <translation>Editar en el cuadr&amp;o de mensaje</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>De&amp;scartar</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>&amp;Stop the answer</source>
        <translation>&amp;Detener la respuesta</translation>
    </message>
    <message>
        <source>Ask the assistant a&amp;gain</source>
        <translation>&amp;Volver a preguntar al asistente</translation>
    </message>
</context>
<context>
    <name>confab::ui::TrayIcon</name>
    <message>
        <source>Confab tray menu</source>
        <translation>Menú de Confab en la bandeja</translation>
    </message>
    <message>
        <source>&amp;Show Confab</source>
        <translation>&amp;Mostrar Confab</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message numerus="yes">
        <source>Confab — %n unread message(s)</source>
        <translation>
            <numerusform>Confab — %n mensaje sin leer</numerusform>
            <numerusform>Confab — %n mensajes sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Confab</source>
        <translation>Confab</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
</context>
<context>
    <name>confab::ui::UsernameForm</name>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ej. alicia</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
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
        <translation>No se pudo iniciar la demo: %1</translation>
    </message>
</context>
</TS>