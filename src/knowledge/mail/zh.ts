/*
 * 邮件知识表的简体中文解释（出处见 facts.ts）。
 * 面向在 Wireshark 中分析 SMTP / POP3 抓包的大一学生。
 */

import type { MailTexts } from './types.js';

export const mailZh = {
  smtpCommands: {
    HELO: {
      title: '问候（基本）',
      text: '客户端发出的第一条命令，报上自己的主机名。这是最初的 SMTP 问候命令；想使用 SMTP 扩展的客户端改用 EHLO。服务器以 250 应答。',
    },
    EHLO: {
      title: '扩展问候',
      text: '客户端用主机名向服务器问候，并询问服务器支持哪些扩展。服务器返回多行 250 应答：每一行（如“250-SIZE 10240000”“250-AUTH PLAIN LOGIN”）列出一个扩展，最后一行的应答码后面是空格而不是连字符（“250 ...”）。',
    },
    MAIL: {
      title: '开始一封邮件（信封发件人）',
      text: '开始一次新的邮件事务，并给出信封上的发件人地址（反向路径），退信会发回这个地址；它可以与收件人看到的 From: 首部不同。退信本身使用空地址 MAIL FROM:<>。',
    },
    RCPT: {
      title: '信封收件人',
      text: '指定邮件的一个收件人，每个收件人发送一条 RCPT TO。密送（Bcc）收件人只出现在这里，不会出现在邮件首部中。服务器接受该地址时应答 250，否则返回 550 等错误码。',
    },
    DATA: {
      title: '发送邮件内容',
      text: '请求发送邮件本身（首部和正文）。服务器应答 354 后，客户端发送邮件内容，并以只含一个句点“.”的一行结束；服务器接手投递后应答 250。',
    },
    BDAT: {
      title: '分块发送二进制数据',
      text: '代替 DATA，按声明的字节数分块发送邮件，因此结尾不需要句点行；最后一块标记为 LAST。只有服务器通告了 CHUNKING 扩展时才能使用。',
    },
    RSET: {
      title: '重置事务',
      text: '取消当前的邮件事务：已给出的发件人、收件人和数据全部作废，但连接保持打开。服务器应答 250。',
    },
    VRFY: {
      title: '验证地址',
      text: '询问服务器某个用户或邮箱是否存在。由于垃圾邮件发送者可借此收集有效地址，很多服务器拒绝执行或应答 252（无法验证）。',
    },
    EXPN: {
      title: '展开邮件列表',
      text: '请求服务器列出某个邮件列表的成员。出于隐私考虑，大多数服务器禁用该命令并返回错误。',
    },
    HELP: {
      title: '请求帮助',
      text: '向服务器请求帮助信息，可指定某条命令。服务器以 214 帮助信息应答，内容是给人阅读的。',
    },
    NOOP: {
      title: '空操作',
      text: '什么也不做，只让服务器应答 250 OK。客户端用它保持连接或检查服务器是否仍有响应。',
    },
    QUIT: {
      title: '结束会话',
      text: '请求服务器结束会话。服务器应答 221 后关闭 TCP 连接，因此抓包中紧接着可以看到 FIN 报文段。',
    },
    AUTH: {
      title: '身份认证（登录）',
      text: '用指定的 SASL 机制开始登录，如 AUTH PLAIN 或 AUTH LOGIN。服务器的质询以 334 行发出，客户端以 base64 行回答；235 表示登录成功，535 表示凭据错误。base64 只是编码而不是加密，没有 TLS 时可以从抓包中解码出密码。',
    },
    STARTTLS: {
      title: '切换到 TLS 加密',
      text: '请求把当前的明文连接升级为 TLS 加密连接。服务器应答 220 后，Wireshark 中会出现 TLS 握手，之后只能看到加密的应用数据；客户端必须在 TLS 内重新发送 EHLO。',
    },
    ETRN: {
      title: '启动某个域的队列',
      text: '请求服务器开始投递为指定域排队的邮件（由服务器向该域新建连接）。用于只是间歇联网的站点。',
    },
    TURN: {
      title: '角色互换（已废弃）',
      text: '请求服务器交换客户端/服务器角色，在同一连接上把排队的邮件发回来。该命令已废弃：没有身份认证，任何人都可以取走别的站点的邮件，RFC 5321 将其列为不再使用的特性。',
    },
    ATRN: {
      title: '经认证的 TURN',
      text: '按需邮件中继（ODMR）的一部分：客户端先用 AUTH 登录，再请求服务器互换角色，在同一连接上投递为所列域排队的邮件。',
    },
    XCLIENT: {
      title: 'Postfix XCLIENT（非标准）',
      text: 'Postfix 的扩展命令：受信任的代理或测试工具用它告诉服务器原始客户端的地址、主机名或登录名，服务器就按该客户端直接连接的情况执行规则。不属于任何 RFC。',
    },
    XFORWARD: {
      title: 'Postfix XFORWARD（非标准）',
      text: 'Postfix 的扩展命令：受信任的内容过滤器用它转交原始客户端的名称、地址和协议，使日志和 Received: 首部中记录正确。不属于任何 RFC。',
    },
  },

  smtpReplyCodes: {
    '211': { title: '系统状态', text: '系统状态或系统帮助应答，通常是对 HELP 或状态查询的回复。' },
    '214': { title: '帮助信息', text: '对 HELP 的回复，是给人阅读的帮助文字，例如支持的命令列表。' },
    '220': {
      title: '服务就绪',
      text: '连接建立时服务器的问候，通常带有主机名，如“220 mail.example.com ESMTP”。作为对 STARTTLS 的应答时，表示“可以开始 TLS 握手”。',
    },
    '221': { title: '关闭连接', text: '对 QUIT 的应答：服务器道别并关闭连接。' },
    '250': {
      title: '完成',
      text: '请求的操作已完成：发件人被接受、收件人被接受、邮件已接收待投递等。对 EHLO 的应答是多行 250，列出服务器支持的扩展。',
    },
    '251': { title: '非本地用户，将转发', text: '收件人不在本服务器上，但服务器接受该邮件，并会转发到它给出的地址。' },
    '252': {
      title: '无法验证用户，但会尝试投递',
      text: '对 VRFY 的常见应答：服务器不愿或无法确认该用户是否存在，但会接受发往该地址的邮件并尝试投递。',
    },
    '354': {
      title: '开始输入邮件',
      text: '对 DATA 的应答：服务器准备好接收邮件。客户端随后发送首部和正文，并以只含一个句点的一行（CRLF . CRLF）结束；本身以句点开头的行要多加一个句点再发送。',
    },
    '421': {
      title: '服务不可用，关闭连接',
      text: '服务器即将关闭连接，例如正在关机、负载过高或客户端空闲太久。这是暂时性错误，客户端应稍后重试。',
    },
    '450': {
      title: '邮箱暂时不可用',
      text: '由于邮箱暂时不可用（如邮箱忙，或被灰名单等策略暂时阻止），操作未执行。客户端应稍后重试。',
    },
    '451': { title: '本地处理出错', text: '服务器因自身的暂时性问题中止了操作。客户端保留邮件，稍后重试。' },
    '452': {
      title: '系统存储空间不足',
      text: '服务器目前没有空间接收邮件；在 RCPT TO 之后，它也用于表示“收件人过多”。这是暂时性错误，客户端稍后重试。',
    },
    '455': { title: '无法接受参数', text: '服务器目前无法处理 MAIL FROM 或 RCPT TO 所带的参数。这是暂时性错误。' },
    '500': {
      title: '语法错误，命令无法识别',
      text: '服务器不认识该命令，或命令行过长。客户端发送未知命令时会看到它。',
    },
    '501': {
      title: '参数语法错误',
      text: '命令本身可识别，但参数有误，例如 MAIL FROM 中的地址格式错误，或 AUTH 过程中 base64 数据无效。',
    },
    '502': { title: '命令未实现', text: '服务器认识该命令，但不支持它。' },
    '503': {
      title: '命令顺序错误',
      text: '命令出现的顺序不对，例如在 MAIL FROM 之前发送 RCPT TO、没有被接受的收件人就发送 DATA，或在要求认证的服务器上未登录就发送 MAIL。',
    },
    '504': {
      title: '命令参数未实现',
      text: '支持该命令，但不支持这个参数，例如 AUTH 指定了服务器不提供的认证机制。',
    },
    '550': {
      title: '邮箱不可用',
      text: '操作被永久拒绝：通常是收件人不存在，或服务器出于策略原因（如拒绝中继）拒绝该命令。客户端不应原样重试。',
    },
    '551': {
      title: '非本地用户，请尝试其他路径',
      text: '收件人不在本服务器上，且服务器不会转发；应答中可能给出应改用的地址。',
    },
    '552': { title: '超出存储配额', text: '邮件被拒绝，原因是邮件太大，或收件人的邮箱超出了配额。' },
    '553': { title: '邮箱名不允许', text: '地址不可接受，例如语法错误，或服务器不允许使用这个发件人地址。' },
    '554': {
      title: '事务失败',
      text: '事务永久失败，常见于数据发送完后邮件被拒收（例如被判为垃圾邮件）。如果是新连接上的第一条应答，则表示“此处没有 SMTP 服务”。',
    },
    '555': {
      title: 'MAIL FROM/RCPT TO 参数无法识别',
      text: 'MAIL FROM 或 RCPT TO 后附加的参数（如 SIZE=、BODY=）服务器无法识别或没有实现。',
    },
    '235': { title: '认证成功', text: 'AUTH 登录成功，客户端现在可以以该认证用户的身份发送邮件。' },
    '334': {
      title: '服务器质询（AUTH 过程中）',
      text: '在 AUTH 过程中，服务器以 base64 编码索要登录信息的下一部分。使用 AUTH LOGIN 时，“VXNlcm5hbWU6”就是“Username:”，“UGFzc3dvcmQ6”就是“Password:”；客户端的 base64 回答同样可以轻易解码。',
    },
    '432': {
      title: '需要密码过渡',
      text: '用户必须先用 PLAIN 机制（在加密连接上）登录一次，所选的认证机制才能生效。',
    },
    '454': {
      title: '暂时性认证失败 / TLS 不可用',
      text: '暂时性失败。在 AUTH 之后表示服务器此刻无法核验登录信息（如密码数据库无法访问）；在 STARTTLS 之后表示 TLS 暂时不可用。',
    },
    '530': {
      title: '需要身份认证',
      text: '客户端必须先用 AUTH 登录，服务器才会接受这条命令。有些服务器也用它要求先执行 STARTTLS。',
    },
    '534': {
      title: '认证机制强度太弱',
      text: '所选的 AUTH 机制比服务器对该用户的策略要求更弱，客户端应改用更强的机制。',
    },
    '535': { title: '认证凭据无效', text: '登录失败：用户名或密码错误。通常伴随增强状态码 5.7.8。' },
    '538': {
      title: '该机制要求加密',
      text: '这种 AUTH 机制只能在加密连接上使用，客户端必须先执行 STARTTLS。RFC 4954 保留此码主要是出于历史原因。',
    },
    '521': {
      title: '主机不接收邮件',
      text: '这台主机从不接收邮件；它可以代替 220 作为问候语发出。客户端不应再重试。',
    },
    '556': {
      title: '域不接收邮件',
      text: '收件人所在的域完全不接收邮件，例如该域发布了“空 MX”（null MX）DNS 记录。',
    },
  },

  smtpReplyDigits: {
    '2yz': { title: '肯定完成应答', text: '第一位是 2：命令成功，客户端可以发送下一条命令。' },
    '3yz': {
      title: '肯定中间应答',
      text: '第一位是 3：命令已被接受，但服务器还在等待更多信息，例如 DATA 之后的 354 等待邮件内容，或 AUTH 过程中的 334 等待下一步。',
    },
    '4yz': { title: '暂时性否定完成应答', text: '第一位是 4：暂时性失败。操作没有执行，但稍后重试同一命令可能成功。' },
    '5yz': { title: '永久性否定完成应答', text: '第一位是 5：永久性失败。客户端不应原样重复同一请求。' },
    x0z: { title: '语法', text: '第二位是 0：语法错误、未知或未实现的命令，以及不属于其他类别的正确命令（如 500、502）。' },
    x1z: { title: '信息', text: '第二位是 1：对信息请求（如状态、帮助）的应答（211、214）。' },
    x2z: { title: '连接', text: '第二位是 2：与传输通道有关的应答，如 220（服务就绪）、221 或 421（关闭连接）。' },
    x3z: { title: '未指定（3）', text: 'RFC 5321 没有给第二位 3 指定类别。扩展会使用它，例如 AUTH 相关的 235、334、530、535。' },
    x4z: { title: '未指定（4）', text: 'RFC 5321 没有给第二位 4 指定类别，也没有定义第二位为 4 的应答码。' },
    x5z: { title: '邮件系统', text: '第二位是 5：接收方邮件系统对所请求操作的状态，如 250、354、450、550。' },
  },

  enhancedClasses: {
    '2': { title: '成功', text: '类别 2（如 2.1.5）：操作成功，状态码的其余部分可以补充细节。' },
    '4': { title: '持续性暂时失败', text: '类别 4：邮件本身没有问题，但某个暂时状况使投递未能完成，稍后重发可能成功。' },
    '5': { title: '永久失败', text: '类别 5：原样重发也不会成功，必须修改邮件或目的地的某些方面。' },
  },

  enhancedSubjects: {
    '0': { title: '其他或未定义状态', text: '主题 0（X.0.X）：没有更具体的信息。' },
    '1': { title: '地址状态', text: '主题 1（X.1.X）：与发件人或收件人地址的语法或有效性有关，发件人通常可以自行改正。' },
    '2': { title: '邮箱状态', text: '主题 2（X.2.X）：与收件人的邮箱有关，如邮箱已满或已停用。' },
    '3': { title: '邮件系统状态', text: '主题 3（X.3.X）：与目的邮件系统有关，如存储空间耗尽或不接收邮件。' },
    '4': { title: '网络和路由状态', text: '主题 4（X.4.X）：与网络或路由有关，如 DNS 故障、主机无应答、路由环路。' },
    '5': { title: '邮件传递协议状态', text: '主题 5（X.5.X）：与 SMTP 会话本身有关，如无效命令或语法错误。' },
    '6': { title: '邮件内容或媒体状态', text: '主题 6（X.6.X）：与邮件内容有关，如媒体类型或所需的格式转换。' },
    '7': { title: '安全或策略状态', text: '主题 7（X.7.X）：与安全或策略有关，如身份认证、禁止中继、垃圾邮件检查。' },
  },

  enhancedStatus: {
    '0.0': { title: '其他未定义状态', text: '只知道结果的类别，没有更具体的状态码可用时使用，如“550 5.0.0”。' },
    '1.0': { title: '其他地址状态', text: '邮件中的某个地址导致了这一结果，没有更多细节。' },
    '1.1': {
      title: '目的邮箱地址错误',
      text: '收件人邮箱不存在：@ 左边的部分不对。这就是典型的“用户不存在”退信，如“550 5.1.1”。',
    },
    '1.2': { title: '目的系统地址错误', text: '收件人的域（@ 右边的部分）不存在或无法接收邮件。' },
    '1.3': { title: '目的邮箱地址语法错误', text: '收件人地址的语法不正确。' },
    '1.4': { title: '目的邮箱地址不明确', text: '该地址在目的系统上匹配到不止一个收件人。' },
    '1.5': { title: '目的地址有效', text: '收件人地址有效；出现在成功应答中，如 RCPT TO 之后的“250 2.1.5 Ok”。' },
    '1.6': { title: '目的邮箱已迁移，无转发地址', text: '该地址过去有效，但现在不再接收邮件，也不知道转发地址。' },
    '1.7': { title: '发件人邮箱地址语法错误', text: '发件人地址的语法不正确。' },
    '1.8': { title: '发件人系统地址错误', text: '发件人的域不存在，或无法接收退回的邮件（退信）。' },
    '1.9': {
      title: '邮件被中继到不兼容的邮件系统',
      text: '地址有效，但邮件被中继到不支持投递状态通知的系统，因此无法提供进一步信息。',
    },
    '1.10': { title: '收件人地址的域为空 MX', text: '收件人的域发布了“空 MX”（null MX）DNS 记录，声明不接收任何邮件。' },
    '2.0': { title: '其他或未定义的邮箱状态', text: '邮箱存在，但邮箱的某种情况导致了这一结果。' },
    '2.1': { title: '邮箱已停用，不接收邮件', text: '邮箱存在但不接收邮件，可能是暂时的，也可能是永久的。' },
    '2.2': { title: '邮箱已满', text: '收件人的邮箱超出配额；收件人删除一些邮件后可恢复接收。' },
    '2.3': { title: '邮件长度超过管理限制', text: '邮件大小超过了该邮箱的大小限制。' },
    '2.4': { title: '邮件列表展开出错', text: '该地址是一个邮件列表，但无法展开成各个成员。' },
    '3.0': { title: '其他或未定义的邮件系统状态', text: '目的系统平时能接收邮件，但它的某种情况导致了这一结果。' },
    '3.1': { title: '邮件系统已满', text: '邮件系统的存储空间已耗尽。' },
    '3.2': { title: '系统不接收网络邮件', text: '主机目前不接收邮件，例如正在关机、负载过高或在维护。' },
    '3.3': { title: '系统不支持所选功能', text: '目的系统不支持为这封邮件所请求的功能。' },
    '3.4': { title: '邮件对系统而言过大', text: '邮件超过了系统对单封邮件的大小限制。' },
    '3.5': { title: '系统配置错误', text: '系统的配置使其无法接收这封邮件。' },
    '3.6': { title: '请求的优先级已被更改', text: '邮件已被接受，但没有使用通过 MT-PRIORITY 请求的优先级；应答文字中给出新的优先级。' },
    '4.0': { title: '其他或未定义的网络或路由状态', text: '网络或路由出了问题，且没有更精确的状态码可用。' },
    '4.1': { title: '主机无应答', text: '无法联系到下一台邮件服务器：连接请求没有得到应答。' },
    '4.2': { title: '连接不良', text: '连接已建立，但因超时或连接质量差，事务未能完成。' },
    '4.3': { title: '目录服务器故障', text: 'DNS 等目录服务器不可用，因此邮件无法转发。' },
    '4.4': { title: '无法路由', text: '无法确定下一跳，例如 DNS 中没有该域可用的邮件路由记录。' },
    '4.5': { title: '邮件系统拥塞', text: '邮件系统拥塞，稍后会再次尝试投递。' },
    '4.6': { title: '检测到路由环路', text: '邮件被转发次数过多，例如两台服务器互相来回转发（会出现很多 Received: 首部）。' },
    '4.7': { title: '投递时间已过期', text: '邮件在队列中停留过久，或超过了允许的投递时间，已放弃投递。' },
    '5.0': { title: '其他或未定义的协议状态', text: '邮件传递协议出了问题，且没有更精确的状态码可用。' },
    '5.1': { title: '无效命令', text: '命令顺序不对或不被支持。' },
    '5.2': { title: '语法错误', text: '命令因语法错误或无法识别而无法解释。' },
    '5.3': { title: '收件人过多', text: '一次事务中给出的收件人超过了允许的数量。' },
    '5.4': { title: '无效的命令参数', text: '命令本身有效，但参数无效或不被支持。' },
    '5.5': { title: '协议版本错误', text: '双方使用的协议版本无法协同工作。' },
    '5.6': { title: '认证交互行过长', text: '在 AUTH 过程中，客户端发送的 base64 行超过了服务器能接受的长度。' },
    '6.0': { title: '其他或未定义的媒体错误', text: '邮件内容的某种情况使其无法投递。' },
    '6.1': { title: '不支持的媒体类型', text: '投递协议或下一个系统不支持邮件的媒体类型。' },
    '6.2': { title: '需要转换但被禁止', text: '内容必须转换才能投递，但不允许进行转换。' },
    '6.3': { title: '需要转换但不支持', text: '内容必须转换（如 8 位转 7 位）才能继续传递，但服务器无法完成这种转换。' },
    '6.4': { title: '已进行有损转换', text: '邮件已投递，但途中的转换丢失了部分数据。' },
    '6.5': { title: '转换失败', text: '尝试了必需的内容转换，但失败了。' },
    '6.6': { title: '邮件内容不可用', text: '无法从远程系统取得邮件内容（用于 BURL 扩展）。' },
    '6.7': {
      title: '不允许非 ASCII 地址',
      text: 'MAIL FROM 或 RCPT TO 中含有非 ASCII（国际化）地址，而该发件人或收件人不允许使用。',
    },
    '6.8': { title: '需要 UTF-8 应答但客户端不允许', text: '要显示邮箱名需要含 UTF-8 的应答，但客户端没有启用 SMTPUTF8。' },
    '6.9': {
      title: 'UTF-8 首部的邮件无法传送',
      text: '带有 UTF-8 首部的邮件无法传给一个或多个收件人，因此在 DATA 的结束句点之后被拒收。',
    },
    '6.10': { title: 'X.6.8 的重复（已弃用）', text: '作为 X.6.8 的重复项登记，因而已弃用，不应再使用。' },
    '7.0': {
      title: '其他或未定义的安全状态',
      text: '与安全有关但没有更精确状态码的结果，或服务器出于安全考虑不愿细说的情况。也出现在成功应答中，如“235 2.7.0”。',
    },
    '7.1': {
      title: '投递未获授权，邮件被拒',
      text: '发件人无权向该目的地发送邮件，例如“Relay access denied”（拒绝中继），或发送地址在黑名单中。',
    },
    '7.2': { title: '禁止展开邮件列表', text: '发件人无权向该邮件列表发送邮件。' },
    '7.3': { title: '需要安全转换但无法进行', text: '投递需要在不同的安全邮件协议之间转换，但无法完成。' },
    '7.4': { title: '不支持的安全功能', text: '邮件使用了投递协议无法支持的安全功能。' },
    '7.5': { title: '密码处理失败', text: '有权验证或解密邮件的系统未能完成，例如密钥缺失或无效。' },
    '7.6': { title: '不支持的密码算法', text: '由于不支持所用的算法，无法验证或解密邮件。' },
    '7.7': { title: '邮件完整性校验失败', text: '发现邮件已损坏或被篡改。' },
    '7.8': { title: '认证凭据无效', text: 'AUTH 失败，用户名或密码错误，如“535 5.7.8”。' },
    '7.9': { title: '认证机制强度太弱', text: '所选的 AUTH 机制比服务器策略要求的弱，客户端应改用更强的机制。' },
    '7.10': { title: '需要加密', text: '必须先建立 TLS 等安全层，才能使用这种（通常是明文的）认证机制。' },
    '7.11': {
      title: '所请求的认证机制要求加密',
      text: '这种 AUTH 机制只能在加密连接上使用。登记表注明此码仅出于历史原因保留。',
    },
    '7.12': { title: '需要密码过渡', text: '用户必须先用 PLAIN 机制登录一次，所选的认证机制才能生效。' },
    '7.13': { title: '用户账户已停用', text: '登录本身成功了，但该账户已被停用，用户需要联系管理员。' },
    '7.14': { title: '需要信任关系', text: '邮件提交服务器需要与另一台服务器配置信任关系，才能取得邮件内容。' },
    '7.15': { title: '优先级太低', text: '邮件的 MT-PRIORITY 优先级低于服务器当前接受的最低优先级。' },
    '7.16': { title: '邮件对所指定的优先级而言过大', text: '以所请求的优先级传送，这封邮件太大了。' },
    '7.17': {
      title: '邮箱所有者已变更',
      text: 'Require-Recipient-Valid-Since（RRVS）检查：自发件人给出的日期以来，收件人邮箱并非一直属于同一所有者。',
    },
    '7.18': { title: '域所有者已变更', text: 'RRVS 检查：自发件人给出的日期以来，收件人的域已更换所有者。' },
    '7.19': { title: '无法完成 RRVS 检查', text: 'RRVS 检查：服务器没有记录所需的日期，因此无法检查。' },
    '7.20': { title: '没有通过验证的 DKIM 签名', text: '邮件中没有任何能通过验证的 DKIM 签名。' },
    '7.21': { title: '没有可接受的 DKIM 签名', text: '邮件中有通过验证的 DKIM 签名，但按接收方的策略没有一个可以接受。' },
    '7.22': { title: '没有与作者匹配的有效 DKIM 签名', text: '没有任何通过验证的 DKIM 签名与 From: 中作者地址的域相匹配。' },
    '7.23': { title: 'SPF 验证失败', text: 'SPF 检查结果为“fail”：发送服务器的 IP 地址无权代表发件人的域发送邮件。' },
    '7.24': { title: 'SPF 验证出错', text: '由于出错（如 DNS 问题），SPF 检查无法完成。' },
    '7.25': { title: '反向 DNS 验证失败', text: '客户端的 IP 地址没有通过接收方的反向 DNS 检查。' },
    '7.26': { title: '多项认证检查失败', text: '邮件没有通过不止一项认证检查，例如 SPF 和 DKIM 都失败。' },
    '7.27': { title: '发件人地址的域为空 MX', text: '发件人的域发布了空 MX，退信无法送回，因此接收方拒收该邮件。' },
    '7.28': { title: '检测到邮件洪泛', text: '该邮件看起来属于大量类似滥发邮件中的一封。此码依据一份互联网草案登记，并非 RFC。' },
    '7.29': { title: 'ARC 验证失败', text: '邮件没有通过 ARC（经认证的接收链）验证。' },
    '7.30': { title: '需要支持 REQUIRETLS', text: '该邮件要求 REQUIRETLS，但下一跳不支持，因此无法继续传递。' },
  },

  ehloKeywords: {
    SIZE: {
      title: '邮件大小声明',
      text: '服务器通告它能接收的最大邮件字节数（如“250-SIZE 10240000”约为 10 MB）；客户端可在 MAIL FROM:<...> 后用 SIZE=n 声明邮件大小。',
    },
    '8BITMIME': {
      title: '8 位 MIME 传输',
      text: '服务器接受含 8 位字节的邮件正文；客户端在 MAIL FROM 后加 BODY=8BITMIME 声明这种正文。',
    },
    PIPELINING: {
      title: '命令流水线',
      text: '客户端可以连续发送多条命令（如 MAIL、RCPT、DATA）而不必逐条等待应答，因此一个 TCP 报文段中可能出现多条命令。',
    },
    AUTH: { title: '身份认证', text: '服务器支持 AUTH 命令；AUTH 后面列出它提供的 SASL 认证机制，如“AUTH PLAIN LOGIN CRAM-MD5”。' },
    'AUTH=': {
      title: 'AUTH=（旧的非标准写法）',
      text: '标准化之前的旧写法，如“250-AUTH=PLAIN LOGIN”，有些服务器为兼容很老的客户端仍在 AUTH 之外同时发送。它列出的机制与 AUTH 相同。',
    },
    STARTTLS: { title: '可升级为 TLS', text: '服务器可以通过 STARTTLS 命令把当前连接切换为 TLS 加密。' },
    ENHANCEDSTATUSCODES: { title: '增强状态码', text: '服务器在三位应答码之后附加详细的状态码，如 2.1.5 或 5.7.1。' },
    DSN: {
      title: '投递状态通知',
      text: '客户端可以请求投递报告：在 RCPT TO 后用 NOTIFY=，在 MAIL FROM 后用 RET=、ENVID=。',
    },
    SMTPUTF8: {
      title: '国际化电子邮件',
      text: '客户端在 MAIL FROM 后加 SMTPUTF8 时，服务器接受地址和首部中的 UTF-8 字符（如中文邮箱名）。',
    },
    CHUNKING: { title: '分块传输（BDAT）', text: '客户端可以用 BDAT 命令按指定大小分块发送邮件，代替 DATA。' },
    BINARYMIME: { title: '二进制 MIME', text: '服务器接受二进制（不分行的）邮件正文，用 BDAT 加 BODY=BINARYMIME 发送。' },
    HELP: { title: '支持 HELP', text: '服务器支持 HELP 命令。' },
    VRFY: { title: '支持 VRFY', text: '服务器支持用 VRFY 命令验证地址。' },
    EXPN: { title: '支持 EXPN', text: '服务器支持用 EXPN 命令展开邮件列表。' },
    ETRN: { title: '远程启动队列', text: '服务器支持 ETRN：客户端可以请求它开始投递为某个域排队的邮件。' },
    ATRN: { title: '按需邮件中继', text: '服务器支持 ATRN：经过认证的客户端可以在同一连接上取走为其域排队的邮件。' },
    DELIVERBY: { title: '限时投递', text: '客户端可以要求在一定时间内投递邮件（MAIL FROM 后的 BY= 参数）。' },
    'MT-PRIORITY': { title: '邮件传输优先级', text: '客户端可以为邮件指定传输优先级（MAIL FROM 后的 MT-PRIORITY= 参数）。' },
    REQUIRETLS: { title: '要求每一跳都用 TLS', text: '客户端可以要求邮件传递路径上的每台服务器都使用 TLS（MAIL FROM 后的 REQUIRETLS 参数）。' },
    LIMITS: {
      title: '服务器限制',
      text: '服务器通告自己的限制，如每次事务的最大收件人数（RCPTMAX）、每个连接的最大事务数（MAILMAX）。',
    },
    BURL: { title: '按引用提交邮件（BURL）', text: '提交邮件时，客户端可以用 URL 指向存放在 IMAP 服务器上的邮件，而不必发送邮件内容。' },
    FUTURERELEASE: { title: '定时发布', text: '客户端可以请求服务器暂存邮件，到以后某个时间再投递。' },
    RRVS: { title: 'RRVS（收件人有效期检查）', text: '客户端可以要求：如果收件人邮箱自某个日期以来更换过所有者，就不要投递。' },
    XCLIENT: { title: 'Postfix XCLIENT（非标准）', text: '服务器（Postfix）接受来自该客户端的 XCLIENT 命令。这不是 RFC 定义的扩展。' },
    XFORWARD: { title: 'Postfix XFORWARD（非标准）', text: '服务器（Postfix）接受来自该客户端的 XFORWARD 命令。这不是 RFC 定义的扩展。' },
  },

  saslMechanisms: {
    PLAIN: {
      title: 'PLAIN',
      text: '把用户名和密码放在一个 base64 字符串中一起发送（各部分以零字节分隔）。解码即可看到密码，所以只应在 TLS 内使用。',
    },
    LOGIN: {
      title: 'LOGIN（已废弃，从未标准化）',
      text: '服务器发出“334 VXNlcm5hbWU6”（“Username:”）和“334 UGFzc3dvcmQ6”（“Password:”），客户端各用一行 base64 回答。密码只是被编码而没有加密；IANA 登记表已将 LOGIN 标为废弃，建议改用 PLAIN。',
    },
    'CRAM-MD5': {
      title: 'CRAM-MD5',
      text: '服务器发送一个随机质询，客户端回答用户名以及以密码为密钥对质询计算的 HMAC-MD5 值，密码本身不在网上传送。它基于 MD5，如今被认为强度较弱。',
    },
    'DIGEST-MD5': {
      title: 'DIGEST-MD5（历史性）',
      text: '一种基于 MD5 摘要的质询—响应机制。由于安全和互操作问题，RFC 6331 已将其改为“历史性”（Historic）状态。',
    },
    XOAUTH2: {
      title: 'XOAUTH2（非标准）',
      text: 'Google 和 Microsoft 使用的非标准机制，用 OAuth 2.0 访问令牌代替密码登录；base64 字符串中包含用户名和“Bearer”令牌。',
    },
    OAUTHBEARER: {
      title: 'OAUTHBEARER',
      text: '用 OAuth 2.0 持有者令牌登录的标准机制。截获令牌的人在令牌过期前都可以使用它，因此需要 TLS 保护。',
    },
    'SCRAM-SHA-1': {
      title: 'SCRAM-SHA-1',
      text: '加盐质询—响应机制：客户端用加盐的 SHA-1 散列证明自己知道密码，服务器也向客户端证明自己的身份。密码从不在网上传送。',
    },
    'SCRAM-SHA-256': { title: 'SCRAM-SHA-256', text: '与 SCRAM-SHA-1 相同的加盐质询—响应机制，但使用 SHA-256；密码从不在网上传送。' },
    GSSAPI: {
      title: 'GSSAPI（Kerberos 认证）',
      text: '通过 GSS-API 使用 Kerberos 登录：客户端出示 Kerberos 票据而不是密码。常见于企业内部网络。',
    },
    NTLM: {
      title: 'NTLM（Microsoft，非标准）',
      text: 'Microsoft 的质询—响应登录方式，Exchange 等使用：客户端用由密码散列计算出的值回答质询。它不是 IETF 标准，且被认为强度较弱。',
    },
    EXTERNAL: { title: 'EXTERNAL', text: '使用在 SASL 之外已经完成的认证，通常是客户端的 TLS 证书；不发送密码。' },
    ANONYMOUS: { title: 'ANONYMOUS', text: '不提供凭据的匿名登录；客户端可以附带一个可选的跟踪字符串，例如电子邮件地址。' },
  },

  pop3Commands: {
    USER: { title: '用户名', text: '以明文给出邮箱用户名，随后发送 PASS。服务器以 +OK 或 -ERR 应答。' },
    PASS: {
      title: '密码',
      text: '以明文发送密码：任何人截获未加密的 POP3 会话（端口 110），都能在 Wireshark 中直接看到密码。',
    },
    APOP: {
      title: '用 MD5 摘要登录',
      text: '登录时不发送密码：客户端发送用户名，以及服务器问候语中时间戳（<...> 中的部分）与密码拼接后的 MD5 摘要。如今 MD5 被认为强度较弱。',
    },
    QUIT: {
      title: '结束会话',
      text: '结束会话。如果已经登录，服务器此时才真正删除用 DELE 标记的邮件，应答 +OK 后关闭连接。',
    },
    STAT: { title: '邮箱状态', text: '查询邮件数量和总大小：“+OK 2 320”表示共 2 封邮件、320 字节（八位组）。' },
    LIST: {
      title: '列出邮件大小',
      text: '不带参数时，服务器返回多行的“编号 大小”列表，以只含一个句点的行结束；带邮件编号时，只用一行给出该邮件的信息。',
    },
    RETR: {
      title: '取回邮件',
      text: '服务器以多行响应发送整封邮件（首部和正文），以只含一个句点的行结束；以句点开头的行会多加一个句点再发送。',
    },
    DELE: { title: '删除邮件', text: '把邮件标记为删除。只有在 QUIT 结束会话时才真正删除；用 RSET 可以撤销标记。' },
    NOOP: { title: '空操作', text: '什么也不做，服务器只应答 +OK。用于保持连接。' },
    RSET: { title: '撤销删除', text: '取消本次会话中用 DELE 所做的全部删除标记。' },
    TOP: {
      title: '首部和前几行',
      text: '“TOP 编号 n”返回邮件的首部和正文的前 n 行，以多行响应发送、以句点行结束，客户端无需下载整封邮件即可预览。',
    },
    UIDL: {
      title: '唯一标识列表',
      text: '为每封邮件给出一个唯一且长期不变的标识（不带参数时为多行响应），客户端据此记住哪些邮件已经下载过。',
    },
    CAPA: {
      title: '列出能力',
      text: '询问服务器支持哪些扩展；多行应答列出 TOP、UIDL、SASL、STLS 等能力名称，以句点行结束。',
    },
    STLS: { title: '启动 TLS', text: '请求把连接切换为 TLS 加密；+OK 之后抓包中会出现 TLS 握手，之后只能看到加密数据。' },
    AUTH: {
      title: 'SASL 身份认证',
      text: '用 AUTH PLAIN 等 SASL 机制登录。服务器的质询以“+ ”开头，客户端以 base64 行回答，这些内容只是编码而没有加密。',
    },
    UTF8: { title: '启用 UTF-8', text: '告诉服务器客户端支持 UTF-8，此后用户名、密码和邮件中都可以包含 UTF-8 文本。' },
    LANG: { title: '选择应答语言', text: '选择服务器应答中可读文字所用的语言；不带参数时，服务器列出它提供的语言。' },
  },

  pop3Indicators: {
    '+OK': {
      title: '成功',
      text: '肯定状态指示：命令成功。其后的文字主要供人阅读，STAT、LIST 和 UIDL 应答中的数字除外。',
    },
    '-ERR': { title: '错误', text: '否定状态指示：命令失败，例如密码错误或没有该邮件。' },
    '[IN-USE]': { title: '邮箱正被使用', text: '邮箱被锁定，因为另一个会话正在使用它（例如另一个客户端在检查同一账户）。请稍后再试。' },
    '[LOGIN-DELAY]': {
      title: '登录过于频繁',
      text: '用户刚刚登录过；服务器要求两次登录之间至少间隔一段时间（见 LOGIN-DELAY 能力）。',
    },
    '[SYS/TEMP]': { title: '暂时性系统错误', text: '服务器一方的暂时性问题，不是用户的过错。请稍后再试。' },
    '[SYS/PERM]': { title: '永久性系统错误', text: '服务器一方的问题，重试也不会消失，需要管理员处理。' },
    '[AUTH]': { title: '凭据问题', text: '登录失败是由于用户的凭据（如密码错误），而不是服务器的问题。' },
  },

  pop3Capabilities: {
    TOP: { title: '支持 TOP', text: '服务器支持用 TOP 命令读取邮件的首部和前几行。' },
    USER: { title: 'USER/PASS 登录', text: '服务器支持用 USER 和 PASS 登录。' },
    SASL: { title: 'SASL 身份认证', text: '服务器支持 AUTH；SASL 后面列出它的认证机制，如“SASL PLAIN LOGIN”。' },
    'RESP-CODES': { title: '扩展响应码', text: '应答中可以在 +OK 或 -ERR 后带方括号中的响应码，如“-ERR [IN-USE]”。' },
    'LOGIN-DELAY': { title: '登录最小间隔', text: '服务器限制客户端登录的频率；数字是两次登录之间的最少秒数。' },
    PIPELINING: { title: '命令流水线', text: '客户端可以连续发送多条命令而不必逐条等待应答。' },
    EXPIRE: {
      title: '邮件保留期',
      text: '邮件被取回后服务器还会保留多久：若干天，或 NEVER（永不删除）。0 表示邮件取回后不再保留。',
    },
    UIDL: { title: '支持 UIDL', text: '服务器支持用 UIDL 命令获取邮件的唯一标识。' },
    IMPLEMENTATION: { title: '服务器软件', text: '说明服务器软件名称（常带版本号）的自由文本，仅供参考。' },
    STLS: { title: '支持 STLS', text: '服务器支持用 STLS 把连接切换为 TLS 加密。' },
    'AUTH-RESP-CODE': { title: '[AUTH] 响应码', text: '对于由用户凭据引起的登录错误，服务器会附上 [AUTH] 响应码。' },
    UTF8: { title: '支持 UTF-8', text: '服务器支持 UTF8 命令和 UTF-8 文本。' },
    LANG: { title: '应答语言', text: '服务器支持用 LANG 命令选择应答文字的语言。' },
  },

  mailHeaders: {
    date: { title: '日期', text: '作者的邮件程序交付发送这封邮件的日期和时间，带时区，如“Mon, 3 Mar 2025 10:00:00 +0800”。' },
    from: {
      title: '发件人（作者）',
      text: '邮件的作者，即收件人看到的发件人。它由发件方程序写入，可以与信封中 MAIL FROM 的发件人不同。',
    },
    sender: { title: '实际发送者', text: '当实际发送邮件的邮箱与作者不同时，写明实际发送者，例如秘书代经理发信。' },
    'reply-to': { title: '回复地址', text: '回复邮件时应发往的地址，用来代替 From: 地址。' },
    to: { title: '收件人', text: '邮件中显示的主要收件人。真正的投递地址是信封中的 RCPT TO 命令。' },
    cc: { title: '抄送', text: '收到副本的其他收件人；所有收件人都能看到这个列表。' },
    bcc: {
      title: '密送',
      text: '对其他收件人隐藏的收件人。这个字段通常在发送前被删除，所以在 SMTP 中只能从 RCPT TO 命令看到这些收件人。',
    },
    'message-id': { title: '邮件标识', text: '这封邮件全球唯一的标识，形如“<1234.abcd@example.com>”，由发件方程序生成。' },
    'in-reply-to': { title: '回复的邮件', text: '本邮件所回复的那封邮件的 Message-ID。' },
    references: { title: '引用', text: '会话中之前各封邮件的 Message-ID；邮件程序据此把同一话题的邮件归为一组。' },
    subject: { title: '主题', text: '邮件的主题。非 ASCII 文字（如中文）会被编码成“=?UTF-8?B?...?=”的形式。' },
    comments: { title: '注释', text: '关于这封邮件的自由文字注释。' },
    keywords: { title: '关键词', text: '描述这封邮件的关键词列表，以逗号分隔。' },
    'resent-date': { title: '重发日期', text: '有人把邮件原样重发（转发）的日期和时间。' },
    'resent-from': { title: '重发者', text: '重发这封邮件的人。' },
    'resent-sender': { title: '实际重发者', text: '当实际重发邮件的邮箱与 Resent-From 不同时，写明实际重发者。' },
    'resent-to': { title: '重发收件人', text: '邮件被重发给的收件人。' },
    'resent-cc': { title: '重发抄送', text: '邮件被重发时的抄送收件人。' },
    'resent-bcc': { title: '重发密送', text: '邮件被重发时的密送收件人。' },
    'resent-message-id': { title: '重发标识', text: '这次重发的唯一标识。' },
    'return-path': { title: '返回路径', text: '由最终投递的邮件服务器添加：即 MAIL FROM 中的信封发件人，退信会发往这里。' },
    received: {
      title: '接收记录（跟踪信息）',
      text: '每台经手的邮件服务器都在顶部添加一条 Received: 首部，记录从哪里收到、由谁收到以及时间。自下而上阅读，就能看出邮件经过的路径。',
    },
    'mime-version': { title: 'MIME 版本', text: '表明邮件使用 MIME（附件、非 ASCII 文字、HTML 等）；取值总是 1.0。' },
    'content-type': {
      title: '内容类型',
      text: '内容的媒体类型，如“text/plain; charset=UTF-8”；含多个部分的邮件则为“multipart/mixed; boundary=...”。',
    },
    'content-transfer-encoding': {
      title: '内容传输编码',
      text: '为了以文本形式传输而对内容所用的编码，如 base64 或 quoted-printable；解码后才能看到原始内容。',
    },
    'content-id': { title: '内容标识', text: '某个 MIME 部分的唯一标识，例如 HTML 可以用“cid:”引用并显示内嵌图片。' },
    'content-description': { title: '内容描述', text: '对某个 MIME 部分的简短文字描述。' },
    'content-disposition': {
      title: '内容处置方式',
      text: '说明某个部分应直接显示（inline）还是作为附件（attachment）提供，通常带有文件名（filename=...）。',
    },
    'content-language': { title: '内容语言', text: '内容所用的语言，如“en”或“zh-CN”。' },
    'delivered-to': { title: '投递至', text: '投递时添加：邮件被投递到的邮箱地址。' },
    'dkim-signature': {
      title: 'DKIM 签名',
      text: '发件域对部分首部和正文所做的数字签名；接收方用从 DNS 获取的公钥验证，以发现伪造或篡改。',
    },
    'authentication-results': {
      title: '认证结果',
      text: '由接收服务器添加：它做的 SPF、DKIM、DMARC 检查结果，如“spf=pass dkim=pass”。',
    },
    'received-spf': {
      title: 'SPF 检查结果',
      text: '由接收服务器添加：SPF 检查的结果，即发送方 IP 地址是否有权代表发件人的域发送邮件。',
    },
    'arc-seal': { title: 'ARC 封印', text: 'ARC（经认证的接收链）的一部分：转发服务器（如邮件列表）对 ARC 各字段所做的签名。' },
    'arc-message-signature': { title: 'ARC 邮件签名', text: 'ARC 的一部分：转发服务器按它收到时的样子，对邮件所做的类似 DKIM 的签名。' },
    'arc-authentication-results': {
      title: 'ARC 认证结果',
      text: 'ARC 的一部分：转发服务器看到的认证结果（SPF、DKIM 等），保存下来供后续接收方参考。',
    },
    'list-id': { title: '邮件列表标识', text: '标识邮件经过的邮件列表；邮件程序可据此进行过滤。' },
    'list-help': { title: '邮件列表帮助', text: '获取该邮件列表帮助的方式（网址或邮件地址）。' },
    'list-unsubscribe': { title: '退订邮件列表', text: '退订该邮件列表的方式（mailto: 地址或网址）。' },
    'list-subscribe': { title: '订阅邮件列表', text: '订阅该邮件列表的方式。' },
    'list-post': { title: '向列表投稿', text: '向该邮件列表投稿的地址。' },
    'list-owner': { title: '列表管理者', text: '联系该邮件列表管理者的方式。' },
    'list-archive': { title: '列表存档', text: '该邮件列表存档所在的位置。' },
    'list-unsubscribe-post': {
      title: '一键退订',
      text: '表示支持一键退订：邮件程序可以向 List-Unsubscribe 中的网址发送一个 POST 请求完成退订。',
    },
    'auto-submitted': {
      title: '自动提交',
      text: '标记自动生成的邮件，如休假自动回复的“auto-replied”，以免其他自动回复程序再去回复它。',
    },
    'disposition-notification-to': {
      title: '请求已读回执',
      text: '请求收件人的邮件程序发送已读回执到这个地址；收件人可以拒绝。',
    },
    importance: {
      title: '重要性',
      text: '发件人认为的邮件重要程度：low（低）、normal（普通）或 high（高）。原为 X.400 网关定义，被 Outlook 广泛使用。',
    },
    'x-mailer': { title: '发信软件（非标准）', text: '撰写这封邮件的程序名称和版本。没有任何 RFC 定义它。' },
    'user-agent': {
      title: '用户代理（邮件中非标准）',
      text: '编写邮件的邮件程序名称和版本。它在邮件中没有标准定义，是从网络新闻和 HTTP 借用的。',
    },
    'x-priority': {
      title: '优先级（非标准）',
      text: '优先级从 1（最高）到 5（最低），3 为普通，很多邮件程序都会设置。没有任何 RFC 定义它。',
    },
    'thread-topic': {
      title: '会话主题（Microsoft 专有）',
      text: 'Outlook/Exchange 添加：会话主题，通常是去掉“RE:”“FW:”的邮件主题。不是 RFC 定义的字段。',
    },
    'thread-index': {
      title: '会话索引（Microsoft 专有）',
      text: 'Outlook/Exchange 添加：一个 base64 值，用来确定邮件在会话中的位置。不是 RFC 定义的字段。',
    },
    'x-originating-ip': {
      title: '发信者 IP 地址（非标准）',
      text: '一些网页邮件服务添加：提交这封邮件的计算机的 IP 地址。没有任何 RFC 定义它。',
    },
    'x-original-to': { title: '原始收件人（Postfix 添加）', text: 'Postfix 投递时添加：最初给出的收件人地址，即别名改写之前的地址。' },
    organization: {
      title: '所属组织（邮件中非标准）',
      text: '发件人所属的组织，由邮件程序设置。它由网络新闻文章规范（RFC 5536）定义，在邮件中广泛使用，但没有 RFC 为邮件定义它。',
    },
    'envelope-to': { title: '信封收件人（Exim 添加）', text: 'Exim 邮件服务器投递时添加：本邮件所投递的信封收件人地址（来自 RCPT TO）。' },
    'delivery-date': { title: '投递时间（Exim 添加）', text: 'Exim 邮件服务器投递时添加：邮件到达邮箱的时间。' },
    'accept-language': { title: '接受的语言', text: '发件人希望回复和自动通知使用的语言，例如 "zh-CN, en-US"；Outlook 和 Exchange 会添加它。' },
    precedence: {
      title: '邮件类别（非标准）',
      text: '取值如“bulk”“list”，用来标记群发邮件，使自动回复程序不去回复。广泛使用但从未标准化。',
    },
    'errors-to': {
      title: '错误报告地址（已过时，非标准）',
      text: '一种旧的指定错误报告去向的方式；如今退信发往信封发件人（Return-Path）。',
    },
    'x-spam-status': {
      title: '垃圾邮件检查状态（SpamAssassin）',
      text: 'SpamAssassin 过滤器添加：是否判为垃圾邮件（Yes/No）、得分、阈值以及命中的规则。',
    },
    'x-spam-flag': { title: '垃圾邮件标志（SpamAssassin）', text: 'SpamAssassin 判定为垃圾邮件时添加，取值为“YES”。' },
    'x-spam-score': { title: '垃圾邮件得分', text: '基于 SpamAssassin 的过滤器算出的垃圾邮件得分，越高越可能是垃圾邮件。' },
    'x-spam-level': { title: '垃圾邮件等级（SpamAssassin）', text: '用一串星号表示的垃圾邮件得分，每分一个星号，便于过滤。' },
    'x-spam-checker-version': { title: '垃圾邮件检查器版本（SpamAssassin）', text: '检查这封邮件的 SpamAssassin 版本和主机。' },
  },

  transferEncodings: {
    '7bit': { title: '7bit', text: '短行的纯 ASCII 文本，未做任何编码。缺少该字段时默认就是 7bit。' },
    '8bit': { title: '8bit', text: '短行文本，但可以含 8 位字节（如 UTF-8 中文）；需要服务器提供 8BITMIME 扩展。' },
    binary: { title: 'binary', text: '任意字节，不分行；只有借助 BINARYMIME 和 BDAT 才能通过 SMTP 传送。' },
    'quoted-printable': {
      title: 'quoted-printable',
      text: '大部分为 ASCII 的文本保持可读；其他字节写成“=”加两位十六进制数（如“=E4=BD=A0”），行尾的“=”表示与下一行相连。',
    },
    base64: {
      title: 'base64',
      text: '用 64 个安全字符（A–Z、a–z、0–9、+、/）表示二进制数据，每 3 个字节变成 4 个字符；用于附件和非 ASCII 文本。',
    },
  },

  mimeTypes: {
    'multipart/mixed': { title: 'multipart/mixed', text: '由若干相互独立的部分组成的邮件，如正文加附件，各部分用边界字符串（boundary）分隔。' },
    'multipart/alternative': {
      title: 'multipart/alternative',
      text: '同一内容的多种格式，通常是 text/plain 和 text/html；邮件程序显示其中它能显示的最后一种。',
    },
    'multipart/digest': { title: 'multipart/digest', text: '若干邮件的合集，如邮件列表文摘；每个部分默认是 message/rfc822。' },
    'multipart/parallel': { title: 'multipart/parallel', text: '应同时显示、没有先后顺序的各个部分。' },
    'multipart/related': { title: 'multipart/related', text: '相互关联的各部分，如 HTML 正文及其显示的图片（通过 Content-ID 引用）。' },
    'multipart/signed': { title: 'multipart/signed', text: '一个部分加上对它的数字签名（如 S/MIME 或 PGP）。' },
    'multipart/encrypted': { title: 'multipart/encrypted', text: '加密的内容以及解密所需的信息（如 PGP/MIME）。' },
    'multipart/report': { title: 'multipart/report', text: '机器可读的报告，如退信（投递状态通知），最前面是一个供人阅读的部分。' },
    'multipart/form-data': { title: 'multipart/form-data', text: '网页表单数据，主要用于 HTTP 上传，很少出现在邮件中。' },
    'message/rfc822': { title: 'message/rfc822', text: '装在另一封邮件里的完整邮件，如作为附件转发的邮件。' },
    'message/delivery-status': {
      title: 'message/delivery-status',
      text: '退信报告中机器可读的部分，为每个收件人给出 Status: 5.1.1 这样的字段。',
    },
    'text/plain': { title: 'text/plain', text: '不带格式的纯文本；charset 参数指明字符编码（如 UTF-8）。' },
    'text/html': { title: 'text/html', text: '用 HTML 编写的邮件正文，可以带格式、链接和图片。' },
    'application/octet-stream': { title: 'application/octet-stream', text: '任意二进制数据，如类型未知的附件。' },
  },
} satisfies MailTexts;
