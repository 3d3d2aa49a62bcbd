/*
 * ZEUES live dashboard: occupied spools, counts, latest events and a spool search, kept up to date over
 * SSE (/api/sse/stream). Plain JavaScript, no dependencies. Every piece of data reaches the page through
 * textContent or attributes set with setAttribute/dataset, never as HTML.
 */
(function () {
  'use strict';

  var MAX_EVENTOS = 50;
  var RESUMEN_DEBOUNCE_MS = 400;
  var RESUMEN_REFRESCO_MS = 60000;
  var REINTENTO_MIN_MS = 3000;
  var REINTENTO_MAX_MS = 30000;
  /** an occupation older than this is shown in red */
  var LARGO_MS = 4 * 3600 * 1000;

  // ---- state ----------------------------------------------------------------------------------------
  /** tag_spool -> {tag_spool, worker_nombre, worker_id, operacion, estado_detalle, fecha_ocupacion, desde} */
  var ocupados = new Map();
  /** tag_spool -> highest spool version applied from a spool_update (replays and duplicates are ignored) */
  var versiones = new Map();
  /** newest first */
  var eventos = [];
  var eventosVistos = new Set();
  var nuevos = new Set();

  var fuente = null;
  var abierto = false;
  var estuvoAbierto = false;
  var kafkaOk = true;
  var reconexiones = 0;
  var reintentoMs = REINTENTO_MIN_MS;
  var temporizadorReintento = null;
  var temporizadorResumen = null;
  var busquedaActual = 0;

  var $ = function (id) { return document.getElementById(id); };

  // ---- small DOM helpers (text only) --------------------------------------------------------------
  function el(tag, clase, texto) {
    var e = document.createElement(tag);
    if (clase) { e.className = clase; }
    if (texto !== undefined && texto !== null) { e.textContent = String(texto); }
    return e;
  }

  function vaciar(nodo) {
    while (nodo.firstChild) { nodo.removeChild(nodo.firstChild); }
  }

  function claseSegura(valor) {
    return String(valor || '').replace(/[^A-Za-z0-9_-]/g, '');
  }

  // ---- formatting ---------------------------------------------------------------------------------
  /** "2026-02-02T08:15:07-03:00" -> "08:15:07", as the business zone wrote it. */
  function hora(iso) {
    var m = /T(\d{2}:\d{2}:\d{2})/.exec(String(iso || ''));
    return m ? m[1] : '—';
  }

  /** "2026-02-02T08:15:07-03:00" -> "02-02-2026 08:15" ; "2026-02-02" -> "02-02-2026" */
  function fecha(valor) {
    if (valor === null || valor === undefined || valor === '') { return '—'; }
    var s = String(valor);
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2})(?::\d{2})?)?/.exec(s);
    if (!m) { return s; }
    var d = m[3] + '-' + m[2] + '-' + m[1];
    return m[4] ? d + ' ' + m[4] : d;
  }

  function transcurrido(ms) {
    var total = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = total % 60;
    var dos = function (n) { return (n < 10 ? '0' : '') + n; };
    if (h > 0) { return h + 'h ' + dos(m) + 'm'; }
    return m + 'm ' + dos(s) + 's';
  }

  function texto(valor) {
    if (valor === null || valor === undefined || valor === '') { return '—'; }
    if (valor === true) { return 'Sí'; }
    if (valor === false) { return 'No'; }
    return String(valor).replace(/_/g, ' ');
  }

  function etiqueta(clave) {
    var conocidas = {
      arm: 'ARM', sold: 'SOLD', metrologia: 'Metrología', reparacion: 'Reparación',
      pendiente: 'Pendiente', en_progreso: 'En progreso', pausado: 'Pausado', completado: 'Completado',
      aprobado: 'Aprobado', rechazado: 'Rechazado', RECHAZADO: 'Rechazado', EN_REPARACION: 'En reparación',
      REPARACION_PAUSADA: 'Pausada', PENDIENTE_METROLOGIA: 'Pend. metrología',
      BLOQUEADO: 'Bloqueado', ARM: 'ARM', SOLD: 'SOLD', REPARACION: 'Reparación', METROLOGIA: 'Metrología',
      ocupados: 'Ocupados', ocupados_por_operacion: 'Ocupados', ocupado: 'Ocupados', occupied: 'Ocupados',
      bloqueados: 'Bloqueados', blocked: 'Bloqueados', eventos_hoy: 'Eventos hoy', events_today: 'Eventos hoy',
      total: 'Total', total_spools: 'Spools', spools: 'Spools', sin_reparacion: 'Sin reparación', general: 'General',
      ninguna: 'Sin reparación', 'null': 'Sin reparación'
    };
    if (Object.prototype.hasOwnProperty.call(conocidas, clave)) { return conocidas[clave]; }
    var t = String(clave).replace(/_/g, ' ').toLowerCase();
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  // ---- connection indicator -----------------------------------------------------------------------
  function mostrarConexion(estado, mensaje) {
    var caja = $('conexion');
    caja.dataset.estado = estado;
    $('conexion-texto').textContent = mensaje;
    $('conexion-reconexiones').textContent = reconexiones > 0
      ? (reconexiones === 1 ? '1 reconexión' : reconexiones + ' reconexiones') : '';
  }

  function refrescarConexion() {
    if (abierto) {
      if (kafkaOk) {
        mostrarConexion('conectado', 'Conectado');
      } else {
        mostrarConexion('sin-kafka', 'Sin conexión con Kafka');
      }
    }
  }

  // ---- SSE ----------------------------------------------------------------------------------------
  function conectar() {
    temporizadorReintento = null;
    if (fuente) { fuente.close(); }
    var es = new EventSource('/api/sse/stream');
    fuente = es;

    es.onopen = function () {
      if (fuente !== es) { return; }
      abierto = true;
      estuvoAbierto = true;
      reintentoMs = REINTENTO_MIN_MS;
      refrescarConexion();
      programarResumen();
    };

    es.onerror = function () {
      if (fuente !== es) { return; }
      if (abierto) { reconexiones += 1; }
      abierto = false;
      if (es.readyState === EventSource.CLOSED) {
        // the browser gave up (e.g. a non-200 answer): start a new stream ourselves, with backoff
        var segundos = Math.round(reintentoMs / 1000);
        mostrarConexion('desconectado', 'Sin conexión · reintento en ' + segundos + ' s');
        temporizadorReintento = setTimeout(conectar, reintentoMs);
        reintentoMs = Math.min(REINTENTO_MAX_MS, reintentoMs * 2);
      } else {
        // EventSource retries by itself, sending Last-Event-ID so missed events are replayed
        mostrarConexion('reconectando', estuvoAbierto ? 'Reconectando…' : 'Conectando…');
      }
    };

    es.addEventListener('snapshot', function (e) {
      var datos = leer(e.data);
      if (datos === null) { return; }
      var lista = Array.isArray(datos) ? datos : (datos.spools || datos.occupied || datos.ocupados || []);
      aplicarSnapshot(lista);
    });

    es.addEventListener('spool_update', function (e) {
      var evento = leer(e.data);
      if (evento) { aplicarEvento(evento); }
    });

    es.addEventListener('status', function (e) {
      var datos = leer(e.data);
      if (datos && typeof datos.kafka === 'string') {
        kafkaOk = datos.kafka === 'ok';
        refrescarConexion();
      }
    });
  }

  function leer(json) {
    try {
      return JSON.parse(json);
    } catch (err) {
      return null;
    }
  }

  // ---- occupied spools ----------------------------------------------------------------------------
  function fila(tag, worker, workerId, operacion, estado, desdeIso) {
    var desde = Date.parse(desdeIso);
    return {
      tag_spool: tag, worker_nombre: worker, worker_id: workerId, operacion: operacion,
      estado_detalle: estado, fecha_ocupacion: desdeIso, desde: isNaN(desde) ? Date.now() : desde
    };
  }

  function aplicarSnapshot(lista) {
    ocupados.clear();
    lista.forEach(function (o) {
      if (o && o.tag_spool) {
        ocupados.set(o.tag_spool, fila(o.tag_spool, o.worker_nombre, o.worker_id, o.operacion,
          o.estado_detalle, o.fecha_ocupacion));
      }
    });
    nuevos.clear();
    dibujarOcupados();
    programarResumen();
  }

  function aplicarEvento(evento) {
    var spool = evento.spool || {};
    var tag = evento.tag_spool || spool.tag_spool;
    if (!tag) { return; }
    var version = typeof spool.version === 'number' ? spool.version : evento.version;
    if (typeof version === 'number') {
      if (versiones.has(tag) && versiones.get(tag) >= version) { return; }
      versiones.set(tag, version);
    }
    if (spool.ocupado_por !== null && spool.ocupado_por !== undefined) {
      if (!ocupados.has(tag)) { nuevos.add(tag); }
      ocupados.set(tag, fila(tag, spool.ocupado_por, spool.worker_id_ocupante, spool.operacion_actual,
        spool.estado_detalle || evento.estado_detalle, spool.fecha_ocupacion));
    } else {
      ocupados.delete(tag);
      nuevos.delete(tag);
    }
    dibujarOcupados();
    agregarEvento(evento);
    programarResumen();
  }

  function dibujarOcupados() {
    var cuerpo = $('ocupados-cuerpo');
    vaciar(cuerpo);
    var filas = Array.from(ocupados.values()).sort(function (a, b) { return b.desde - a.desde; });
    filas.forEach(function (o) {
      var tr = el('tr');
      tr.dataset.tag = o.tag_spool;
      if (nuevos.has(o.tag_spool)) { tr.className = 'nuevo'; }
      var celdaTag = el('td', 'celda-tag');
      celdaTag.appendChild(botonTag(o.tag_spool));
      celdaTag.appendChild(el('div', 'celda-estado', o.estado_detalle || ''));
      tr.appendChild(celdaTag);
      tr.appendChild(el('td', 'celda-worker', o.worker_nombre || '—'));
      var celdaOp = el('td');
      celdaOp.appendChild(el('span', 'op op-' + claseSegura(o.operacion), o.operacion || '—'));
      tr.appendChild(celdaOp);
      var ms = Date.now() - o.desde;
      var tiempo = el('td', 'celda-tiempo' + (ms >= LARGO_MS ? ' largo' : ''), transcurrido(ms));
      tiempo.dataset.desde = String(o.desde);
      tiempo.title = 'Desde ' + fecha(o.fecha_ocupacion);
      tr.appendChild(tiempo);
      cuerpo.appendChild(tr);
    });
    nuevos.clear();
    $('ocupados-total').textContent = String(filas.length);
    $('ocupados-vacio').hidden = filas.length > 0;
    $('ocupados').hidden = filas.length === 0;
  }

  function tic() {
    var ahora = Date.now();
    var celdas = document.querySelectorAll('#ocupados-cuerpo td[data-desde]');
    for (var i = 0; i < celdas.length; i++) {
      var ms = ahora - Number(celdas[i].dataset.desde);
      celdas[i].textContent = transcurrido(ms);
      celdas[i].classList.toggle('largo', ms >= LARGO_MS);
    }
  }

  function botonTag(tag) {
    var b = el('button', 'tag', tag);
    b.type = 'button';
    b.title = 'Ver estado e historial de ' + tag;
    b.addEventListener('click', function () { abrirDetalle(tag); });
    return b;
  }

  // ---- event feed ---------------------------------------------------------------------------------
  function agregarEvento(evento) {
    var id = evento.event_id || (evento.tag_spool + '#' + evento.version);
    if (eventosVistos.has(id)) { return; }
    eventosVistos.add(id);
    eventos.unshift(evento);
    while (eventos.length > MAX_EVENTOS) {
      var viejo = eventos.pop();
      eventosVistos.delete(viejo.event_id || (viejo.tag_spool + '#' + viejo.version));
    }
    dibujarEventos();
  }

  function dibujarEventos() {
    var lista = $('eventos');
    vaciar(lista);
    eventos.forEach(function (ev) {
      var tipo = ev.evento_tipo || ev.event_type || '';
      var li = el('li', 'evento accion-' + claseSegura(ev.accion || tipo.split('_')[0]));
      li.dataset.tag = ev.tag_spool || '';
      li.dataset.tipo = tipo;
      var linea = el('div', 'evento-linea');
      var t = el('time', 'evento-hora', hora(ev.timestamp));
      if (ev.timestamp) { t.setAttribute('datetime', String(ev.timestamp)); }
      linea.appendChild(t);
      linea.appendChild(el('span', 'evento-tipo', tipo));
      linea.appendChild(botonTag(ev.tag_spool || ''));
      linea.appendChild(el('span', 'evento-worker', ev.worker_nombre || ''));
      li.appendChild(linea);
      li.appendChild(el('div', 'evento-estado', ev.estado_detalle || (ev.spool && ev.spool.estado_detalle) || ''));
      lista.appendChild(li);
    });
    $('eventos-total').textContent = String(eventos.length);
    $('eventos-vacio').hidden = eventos.length > 0;
  }

  // ---- counts -------------------------------------------------------------------------------------
  function programarResumen() {
    if (temporizadorResumen) { return; }
    temporizadorResumen = setTimeout(function () {
      temporizadorResumen = null;
      cargarResumen();
    }, RESUMEN_DEBOUNCE_MS);
  }

  function cargarResumen() {
    pedir('/api/dashboard/resumen').then(function (r) {
      var caja = $('resumen');
      if (r.ok && r.body && typeof r.body === 'object') {
        caja.classList.remove('desactualizado');
        caja.removeAttribute('title');
        dibujarResumen(r.body);
      } else if (caja.querySelector('.tarjeta')) {
        // keep the last counts, dimmed, until the next refresh succeeds
        caja.classList.add('desactualizado');
        caja.title = 'Conteos sin actualizar: ' + mensajeError(r);
      } else {
        vaciar(caja);
        caja.appendChild(el('p', 'vacio', 'Resumen no disponible: ' + mensajeError(r)));
      }
    });
  }

  function dibujarResumen(datos) {
    var caja = $('resumen');
    vaciar(caja);
    // top-level numbers (spools, blocked, events today) share one card; each nested object gets its own
    var general = {};
    var grupos = [];
    Object.keys(datos).forEach(function (clave) {
      var v = datos[clave];
      if (typeof v === 'number') {
        general[clave] = v;
      } else if (v && typeof v === 'object' && !Array.isArray(v)) {
        grupos.push([clave, v]);
      }
    });
    if (Object.keys(general).length) {
      grupos.unshift(['general', general]);
    }
    grupos.forEach(function (par) {
      var tarjeta = el('div', 'tarjeta tarjeta-' + claseSegura(par[0]));
      tarjeta.dataset.clave = par[0];
      tarjeta.appendChild(el('h3', 'tarjeta-titulo', etiqueta(par[0])));
      var dl = el('dl', 'conteos');
      Object.keys(par[1]).forEach(function (k) {
        var v = par[1][k];
        if (v !== null && typeof v === 'object') { return; }
        var fila = el('div', 'conteo conteo-' + claseSegura(k) + (v === 0 ? ' cero' : ''));
        fila.dataset.clave = k;
        fila.appendChild(el('dt', null, etiqueta(k)));
        fila.appendChild(el('dd', null, v));
        dl.appendChild(fila);
      });
      tarjeta.appendChild(dl);
      caja.appendChild(tarjeta);
    });
    if (!grupos.length) {
      caja.appendChild(el('p', 'vacio', 'Sin datos de resumen.'));
    }
  }

  // ---- search and detail --------------------------------------------------------------------------
  function pedir(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (resp) {
        return resp.text().then(function (cuerpo) {
          var json = null;
          try { json = cuerpo ? JSON.parse(cuerpo) : null; } catch (err) { json = null; }
          return { ok: resp.ok, status: resp.status, body: json };
        });
      })
      .catch(function () {
        return { ok: false, status: 0, body: { message: 'No se pudo contactar al servidor' } };
      });
  }

  function mensajeError(r) {
    if (r.body && typeof r.body.message === 'string' && r.body.message) { return r.body.message; }
    return 'Error ' + r.status + ' del servidor';
  }

  var CAMPOS = [
    ['tag_spool', 'TAG'], ['nv', 'NV'], ['ot', 'OT'],
    ['arm', 'ARM'], ['sold', 'SOLD'], ['metrologia', 'Metrología'], ['reparacion', 'Reparación'],
    ['ciclo', 'Ciclo'], ['bloqueado', 'Bloqueado'],
    ['ocupado_por', 'Ocupado por'], ['operacion_actual', 'Operación actual'], ['fecha_ocupacion', 'Ocupado desde'],
    ['armador', 'Armador'], ['soldador', 'Soldador'],
    ['fecha_materiales', 'Fecha materiales'], ['fecha_armado', 'Fecha armado'],
    ['fecha_soldadura', 'Fecha soldadura'], ['fecha_qc_metrologia', 'Fecha QC metrología'],
    ['fecha_rechazo', 'Fecha rechazo'], ['version', 'Versión']
  ];

  function abrirDetalle(tagCrudo) {
    var tag = String(tagCrudo || '').trim();
    if (!tag) { $('buscar-tag').focus(); return; }
    var numero = ++busquedaActual;
    var dialogo = $('detalle');
    $('detalle-titulo').textContent = 'Spool ' + tag;
    $('detalle-cargando').hidden = false;
    $('detalle-error').hidden = true;
    $('detalle-contenido').hidden = true;
    dialogo.dataset.tag = tag;
    dialogo.dataset.estado = 'cargando';
    if (!dialogo.open) {
      if (typeof dialogo.showModal === 'function') { dialogo.showModal(); } else { dialogo.setAttribute('open', ''); }
    }
    var ruta = encodeURIComponent(tag);
    Promise.all([pedir('/api/occupation/status/' + ruta), pedir('/api/history/' + ruta)]).then(function (rs) {
      if (numero !== busquedaActual) { return; }
      $('detalle-cargando').hidden = true;
      var estado = rs[0];
      var historia = rs[1];
      if (!estado.ok || !estado.body) {
        $('detalle-error').textContent = mensajeError(estado);
        $('detalle-error').hidden = false;
        dialogo.dataset.estado = 'error';
        return;
      }
      dibujarDetalle(estado.body, historia);
      $('detalle-contenido').hidden = false;
      dialogo.dataset.estado = 'listo';
    });
  }

  function dibujarDetalle(vista, historia) {
    $('detalle-estado').textContent = vista.estado_detalle || '—';
    $('detalle-estado').classList.toggle('bloqueado', vista.bloqueado === true);
    var dl = $('detalle-campos');
    vaciar(dl);
    CAMPOS.forEach(function (c) {
      var v = vista[c[0]];
      var bloque = el('div', 'campo');
      bloque.dataset.campo = c[0];
      bloque.appendChild(el('dt', null, c[1]));
      var esFecha = c[0].indexOf('fecha_') === 0;
      bloque.appendChild(el('dd', null, esFecha ? fecha(v) : texto(v)));
      dl.appendChild(bloque);
    });

    var cuerpo = $('detalle-sesiones-cuerpo');
    vaciar(cuerpo);
    var eventosCuerpo = $('detalle-eventos-cuerpo');
    vaciar(eventosCuerpo);
    if (!historia.ok || !historia.body) {
      $('detalle-sesiones').hidden = true;
      $('detalle-sesiones-vacio').hidden = false;
      $('detalle-sesiones-vacio').textContent = 'Historial no disponible: ' + mensajeError(historia);
      $('detalle-eventos-total').textContent = '0';
      return;
    }
    var sesiones = historia.body.sessions || [];
    sesiones.forEach(function (s) {
      var tr = el('tr');
      if (!s.end_time) { tr.className = 'abierta'; }
      tr.appendChild(el('td', null, s.worker_nombre || '—'));
      tr.appendChild(el('td', null, s.operacion || '—'));
      tr.appendChild(el('td', null, fecha(s.start_time)));
      tr.appendChild(el('td', null, s.end_time ? fecha(s.end_time) : 'en curso'));
      tr.appendChild(el('td', null, s.duration || '—'));
      cuerpo.appendChild(tr);
    });
    $('detalle-sesiones').hidden = sesiones.length === 0;
    $('detalle-sesiones-vacio').hidden = sesiones.length > 0;
    $('detalle-sesiones-vacio').textContent = 'Sin sesiones de trabajo registradas.';

    var evs = (historia.body.events || []).slice().reverse();
    evs.forEach(function (ev) {
      var tr = el('tr');
      tr.appendChild(el('td', null, fecha(ev.timestamp)));
      tr.appendChild(el('td', null, ev.evento_tipo || ''));
      tr.appendChild(el('td', null, ev.worker_nombre || ''));
      tr.appendChild(el('td', null, ev.estado_detalle || ''));
      eventosCuerpo.appendChild(tr);
    });
    $('detalle-eventos-total').textContent = String(evs.length);
  }

  function cerrarDetalle() {
    busquedaActual++;
    var dialogo = $('detalle');
    if (dialogo.open) {
      if (typeof dialogo.close === 'function') { dialogo.close(); } else { dialogo.removeAttribute('open'); }
    }
  }

  // ---- start --------------------------------------------------------------------------------------
  function iniciar() {
    $('buscar').addEventListener('submit', function (e) {
      e.preventDefault();
      abrirDetalle($('buscar-tag').value);
    });
    $('detalle-cerrar').addEventListener('click', cerrarDetalle);
    $('detalle').addEventListener('click', function (e) {
      if (e.target === $('detalle')) { cerrarDetalle(); } // a tap on the backdrop
    });
    dibujarOcupados();
    dibujarEventos();
    cargarResumen();
    setInterval(tic, 1000);
    setInterval(cargarResumen, RESUMEN_REFRESCO_MS);
    conectar();
    var enlace = new URLSearchParams(window.location.search).get('spool');
    if (enlace) {
      $('buscar-tag').value = enlace;
      abrirDetalle(enlace); // /?spool=TAG opens that spool's status and history
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', iniciar);
  } else {
    iniciar();
  }
}());
