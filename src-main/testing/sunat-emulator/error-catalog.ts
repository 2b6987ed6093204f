/**
 * The SUNAT messages the emulator uses, as written in SUNAT's CatalogoErrores.xml
 * (shared/external/sunat/sfs-vali/commons/cpe/catalogo/), accents restored where the catalog
 * lost them in user-facing texts.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  '0100': 'El sistema no puede responder su solicitud. Intente nuevamente o comuníquese con su Administrador',
  '0101': 'El encabezado de seguridad es incorrecto',
  '0102': 'Usuario o contraseña incorrectos',
  '0109': 'El sistema no puede responder su solicitud. (El servicio de autenticación no está disponible)',
  '0111': 'No tiene el perfil para enviar comprobantes electronicos',
  '0126': 'El ticket no le pertenece al usuario',
  '0127': 'El ticket no existe',
  '0130': 'El sistema no puede responder su solicitud. (No se pudo obtener el ticket de proceso)',
  '0131': 'El sistema no puede responder su solicitud. (No se pudo grabar el archivo en el directorio)',
  '0151': 'El nombre del archivo ZIP es incorrecto',
  '0152': 'No se puede enviar por este método un archivo de resumen',
  '0154':
    'El RUC del archivo no corresponde al RUC del usuario o el proveedor no esta autorizado a enviar comprobantes del contribuyente',
  '0155': 'El archivo ZIP esta vacio',
  '0156': 'El archivo ZIP esta corrupto',
  '0157': 'El archivo ZIP no contiene comprobantes',
  '0158': 'El archivo ZIP contiene demasiados comprobantes para este tipo de envío',
  '0159': 'El nombre del archivo XML es incorrecto',
  '0160': 'El archivo XML esta vacio',
  '0161': 'El nombre del archivo XML no coincide con el nombre del archivo ZIP',
  '0200': 'No se pudo procesar su solicitud. (Ocurrio un error en el batch)',
  '0301': 'Elemento raiz del xml no esta definido',
  '0306': 'No se puede leer (parsear) el archivo XML',
  '1001': 'ID - El dato SERIE-CORRELATIVO no cumple con el formato de acuerdo al tipo de comprobante',
  '1003':
    'InvoiceTypeCode - El valor del tipo de documento es invalido o no coincide con el nombre del archivo',
  '1032': 'El comprobante ya esta informado y se encuentra con estado anulado o rechazado',
  '1033': 'El comprobante fue registrado previamente con otros datos',
  '1034':
    'Número de RUC del nombre del archivo no coincide con el consignado en el contenido del archivo XML',
  '1035':
    'Numero de Serie del nombre del archivo no coincide con el consignado en el contenido del archivo XML',
  '1036':
    'Número de documento en el nombre del archivo no coincide con el consignado en el contenido del XML',
  '1059': 'El XML no contiene firma digital.',
  '2017': 'El numero de documento de identidad del receptor debe ser  RUC',
  '2074': 'UBLVersionID - La versión del UBL no es correcta',
  '2220': 'El ID debe coincidir con el nombre del archivo',
  '2221': 'El RUC debe coincidir con el RUC del nombre del archivo',
  '2223': 'El archivo ya fue presentado anteriormente',
  '2285': 'El ID debe coincidir  con el nombre del archivo',
  '2286': 'El RUC debe coincidir con el RUC del nombre del archivo',
  '2324': 'El archivo de comunicacion de baja ya fue presentado anteriormente',
  '2330':
    'La fecha de generación de la comunicación debe ser igual a la fecha consignada en el nombre del archivo',
  '2334': 'El documento electrónico ingresado ha sido alterado',
  '2335': 'El documento electrónico ingresado ha sido alterado',
  '2336': 'Ocurrió un error en el proceso de validación de la firma digital',
  '2346': 'La fecha de generación del resumen debe ser igual a la fecha consignada en el nombre del archivo',
  '2800': 'El dato ingresado en el tipo de documento de identidad del receptor no esta permitido.',
  '4252': 'El dato ingresado como atributo @listName es incorrecto.',
  '4255': 'El dato ingresado como atributo @schemeName es incorrecto.',
};

export function sunatMessage(code: string): string {
  return MESSAGES[code] ?? `Error ${code}`;
}
